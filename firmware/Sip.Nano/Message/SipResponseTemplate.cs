using System;

namespace NanoMikey.Sip.Message
{
    /// <summary>
    /// Starts a response to a request read by <see cref="SipMessageReader"/>: the status line, then Via (every value, in
    /// order), From, To, Call-ID and CSeq copied from the request (RFC 3261 §8.2.6.2), with a To-tag added when the request
    /// had none (§8.2.6.2, §12.1.1). The caller adds its own headers and ends the message with the writer.
    /// </summary>
    public static class SipResponseTemplate
    {
        private static readonly string TagParam = ";tag=";

        /// <summary>Writes the status line and the copied headers.</summary>
        /// <param name="writer">Destination.</param>
        /// <param name="request">The request, read <see cref="SipReadStatus.Ok"/>.</param>
        /// <param name="code">Status code, 100 to 699.</param>
        /// <param name="reason">Reason phrase.</param>
        /// <param name="toTag">The To-tag to add when the request's To has none (null: none added; a 100 Trying carries none).</param>
        public static void Write(SipMessageWriter writer, SipMessageReader request, int code, string reason, string? toTag)
        {
            if (writer == null || request == null) throw new ArgumentNullException();
            if (!request.IsRequest || request.ViaCount == 0) throw new ArgumentException();
            writer.StartResponse(code, reason);
            byte[] b = request.Buffer;
            for (int i = 0; i < request.ViaCount; i++) writer.HeaderBytes(SipHeaderName.Via, b, request.ViaOffset(i), request.ViaLength(i));
            Copy(writer, request, SipHeaderName.IdFrom, SipHeaderName.From);
            int to = request.HeaderIndex(SipHeaderName.IdTo, 0);
            writer.BeginHeader(SipHeaderName.To);
            writer.AppendBytes(b, request.ValueOffset(to), request.ValueLength(to));
            if (toTag != null && request.ToTagOffset < 0)
            {
                writer.Append(TagParam);
                writer.Append(toTag);
            }

            writer.EndHeader();
            Copy(writer, request, SipHeaderName.IdCallId, SipHeaderName.CallId);
            Copy(writer, request, SipHeaderName.IdCSeq, SipHeaderName.CSeq);
        }

        /// <summary>Copies the request's Record-Route values, in order (RFC 3261 §12.1.1: into every dialog-creating response).</summary>
        /// <param name="writer">Destination.</param>
        /// <param name="request">The request, read <see cref="SipReadStatus.Ok"/>.</param>
        public static void WriteRecordRoute(SipMessageWriter writer, SipMessageReader request)
        {
            if (writer == null || request == null) throw new ArgumentNullException();
            for (int i = 0; i < request.RecordRouteCount; i++)
            {
                writer.HeaderBytes(SipHeaderName.RecordRoute, request.Buffer, request.RecordRouteOffset(i), request.RecordRouteLength(i));
            }
        }

        private static void Copy(SipMessageWriter writer, SipMessageReader request, int id, string name)
        {
            int i = request.HeaderIndex(id, 0);
            writer.HeaderBytes(name, request.Buffer, request.ValueOffset(i), request.ValueLength(i));
        }
    }
}
