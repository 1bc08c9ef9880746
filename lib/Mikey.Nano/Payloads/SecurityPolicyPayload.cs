namespace NanoMikey.Mikey.Payloads
{
    /// <summary>
    /// SP, security policy payload (RFC 3830 §6.10): policy number, protocol type and Type/Length/Value parameters.
    /// Parameters are walked with offsets: <see cref="FirstParameter"/>, <see cref="NextParameter"/>.
    /// </summary>
    public sealed class SecurityPolicyPayload : PayloadView
    {
        /// <summary>Policy no, referenced by the CS ID map.</summary>
        public int PolicyNo
        {
            get { return U8(1); }
        }

        /// <summary>Prot type: SRTP or TESLA.</summary>
        public ProtocolType ProtocolType
        {
            get { return (ProtocolType)U8(2); }
        }

        /// <summary>Absolute offset of the policy parameters.</summary>
        public int ParametersOffset
        {
            get { return _offset + 5; }
        }

        /// <summary>Policy param length: total bytes of all parameters.</summary>
        public int ParametersLength
        {
            get { return U16(3); }
        }

        /// <summary>Absolute offset of the first parameter, or -1 when there is none.</summary>
        public int FirstParameter()
        {
            return ParametersLength == 0 ? -1 : _offset + 5;
        }

        /// <summary>Absolute offset of the parameter after the one at <paramref name="parameterOffset"/>, or -1.</summary>
        public int NextParameter(int parameterOffset)
        {
            int next = parameterOffset + 2 + _buffer[parameterOffset + 1];
            return next >= _offset + _length ? -1 : next;
        }

        /// <summary>Type of the parameter at <paramref name="parameterOffset"/>.</summary>
        public int GetParameterType(int parameterOffset)
        {
            return _buffer[parameterOffset];
        }

        /// <summary>Length of the value of the parameter at <paramref name="parameterOffset"/>.</summary>
        public int GetParameterLength(int parameterOffset)
        {
            return _buffer[parameterOffset + 1];
        }

        /// <summary>The value of the parameter at <paramref name="parameterOffset"/> as a big-endian integer (up to 4 bytes).</summary>
        public uint GetParameterValue(int parameterOffset)
        {
            int len = _buffer[parameterOffset + 1];
            uint v = 0;
            for (int i = 0; i < len && i < 4; i++)
            {
                v = (v << 8) | _buffer[parameterOffset + 2 + i];
            }

            return v;
        }

        /// <summary>Offset of the first parameter of type <paramref name="type"/>, or -1 when absent.</summary>
        public int FindParameter(int type)
        {
            for (int p = FirstParameter(); p >= 0; p = NextParameter(p))
            {
                if (_buffer[p] == type)
                {
                    return p;
                }
            }

            return -1;
        }
    }
}
