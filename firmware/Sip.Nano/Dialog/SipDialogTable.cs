using System;

namespace NanoMikey.Sip.Dialog
{
    /// <summary>
    /// A fixed table of dialogs: memory is bounded by the capacity chosen at construction, a full table refuses new
    /// dialogs (the UA answers 486 Busy Here) instead of growing.
    /// </summary>
    public sealed class SipDialogTable
    {
        private readonly SipDialog[] _dialogs;

        /// <summary>Creates a table of <paramref name="capacity"/> free slots.</summary>
        /// <param name="capacity">1 .. 64 dialogs.</param>
        public SipDialogTable(int capacity)
        {
            if (capacity < 1 || capacity > 64) throw new ArgumentOutOfRangeException();
            _dialogs = new SipDialog[capacity];
            for (int i = 0; i < capacity; i++) _dialogs[i] = new SipDialog();
        }

        /// <summary>Slots in the table.</summary>
        public int Capacity
        {
            get { return _dialogs.Length; }
        }

        /// <summary>Slots holding a dialog (any state but free).</summary>
        public int Count
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _dialogs.Length; i++)
                {
                    if (_dialogs[i].State != SipDialogState.Free) n++;
                }

                return n;
            }
        }

        /// <summary>The slot at <paramref name="index"/> (free or not), for walking the table.</summary>
        /// <param name="index">0 .. <see cref="Capacity"/> - 1.</param>
        /// <returns>The dialog slot.</returns>
        public SipDialog Get(int index)
        {
            if (index < 0 || index >= _dialogs.Length) throw new ArgumentOutOfRangeException();
            return _dialogs[index];
        }

        /// <summary>The dialog named by Call-ID and tags (RFC 3261 §12.2.2), or null.</summary>
        /// <param name="callId">Call-ID.</param>
        /// <param name="localTag">Our tag.</param>
        /// <param name="remoteTag">The peer's tag.</param>
        /// <returns>The dialog, or null when none matches.</returns>
        public SipDialog? Find(string? callId, string? localTag, string? remoteTag)
        {
            if (callId == null || localTag == null || remoteTag == null) return null;
            for (int i = 0; i < _dialogs.Length; i++)
            {
                if (_dialogs[i].Matches(callId, localTag, remoteTag)) return _dialogs[i];
            }

            return null;
        }

        /// <summary>A free slot to open a dialog in, or null when the table is full.</summary>
        /// <returns>A free slot (still <see cref="SipDialogState.Free"/> until opened).</returns>
        public SipDialog? Allocate()
        {
            for (int i = 0; i < _dialogs.Length; i++)
            {
                if (_dialogs[i].State == SipDialogState.Free) return _dialogs[i];
            }

            return null;
        }

        /// <summary>Frees every slot.</summary>
        public void Clear()
        {
            for (int i = 0; i < _dialogs.Length; i++) _dialogs[i].Clear();
        }
    }
}
