namespace NanoMikey.Sip.Dialog
{
    /// <summary>Where a dialog is (RFC 3261 §12): a table slot is free until a dialog is opened in it.</summary>
    public enum SipDialogState
    {
        /// <summary>The slot holds no dialog.</summary>
        Free = 0,

        /// <summary>Made by a provisional response with a To-tag (RFC 3261 §12.1): no ACK yet, it may still fail or fork.</summary>
        Early,

        /// <summary>Made or confirmed by a 2xx (RFC 3261 §12.1, §13.2.2.4).</summary>
        Confirmed,

        /// <summary>Ended (BYE, a non-2xx final, a timeout); the slot is released by its owner.</summary>
        Terminated,
    }
}
