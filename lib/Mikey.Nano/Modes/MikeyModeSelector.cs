namespace NanoMikey.Mikey.Modes
{
    /// <summary>
    /// Picks the mode an initiator offers (RFC 5197 §7: the choice follows the credentials at hand and what the peer
    /// supports). In order of preference:
    /// <list type="number">
    /// <item>PSK when a key is shared with this peer: the cheapest authenticated exchange, mandatory to implement.</item>
    /// <item>When both sides hold certificates: ECMQV if the lowest cost is wanted (one signature, no responder signature,
    /// implicit authentication of the responder), otherwise ECDH-SIGN (mutual signatures and perfect forward secrecy).</item>
    /// <item>ECIES when only the responder has a certificate this side trusts (the envelope key is encrypted to it).</item>
    /// <item>NULL only when explicitly allowed and the carrier protects the message (TLS, S/MIME).</item>
    /// </list>
    /// A mode is chosen only if <c>peerModes</c> contains it; <see cref="MikeyMode.None"/> means no common mode.
    /// </summary>
    public static class MikeyModeSelector
    {
        /// <summary>Chooses the mode to offer.</summary>
        /// <param name="peerModes">Modes the peer supports (from configuration, or the SP/ERR capabilities it sent).</param>
        /// <param name="sharedKeyWithPeer">A pre-shared key with this peer exists.</param>
        /// <param name="localCertificate">This side holds a key pair and certificate chain.</param>
        /// <param name="peerCertificateTrusted">This side can verify the peer's certificate (trust anchor or pinned key/CHASH).</param>
        /// <param name="preferLowestCost">Prefer the cheapest authenticated exchange over forward secrecy (battery devices).</param>
        /// <param name="allowNull">NULL mode is allowed, and the carrier protects the MIKEY message.</param>
        /// <returns>The mode, or <see cref="MikeyMode.None"/>.</returns>
        public static MikeyMode Select(MikeyMode peerModes, bool sharedKeyWithPeer, bool localCertificate, bool peerCertificateTrusted,
            bool preferLowestCost, bool allowNull)
        {
            if (sharedKeyWithPeer && (peerModes & MikeyMode.Psk) != 0) return MikeyMode.Psk;
            if (localCertificate && peerCertificateTrusted)
            {
                if (preferLowestCost && (peerModes & MikeyMode.Ecmqv) != 0) return MikeyMode.Ecmqv;
                if ((peerModes & MikeyMode.EcdhSign) != 0) return MikeyMode.EcdhSign;
                if ((peerModes & MikeyMode.Ecmqv) != 0) return MikeyMode.Ecmqv;
            }

            if (peerCertificateTrusted && (peerModes & MikeyMode.Ecies) != 0) return MikeyMode.Ecies;
            if (allowNull && (peerModes & MikeyMode.Null) != 0) return MikeyMode.Null;
            return MikeyMode.None;
        }
    }
}
