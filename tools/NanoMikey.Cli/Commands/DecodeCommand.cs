using System;
using System.CommandLine;
using NanoMikey.Cli.Decode;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Rendering;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `decode` verb: renders MIKEY messages given as base64, hex, SDP, RTSP KeyMgmt text or a file.</summary>
    public static class DecodeCommand
    {
        /// <summary>Exit code for a valid message.</summary>
        public const int Valid = 0;

        /// <summary>Exit code for a message that fails to parse (the MIKEY error code is printed).</summary>
        public const int Invalid = 1;

        /// <summary>Exit code for input that holds no message (bad base64/hex, no key-mgmt attribute).</summary>
        public const int BadInput = 2;

        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var input = new Argument<string?>("input")
            {
                Description = "base64, hex, an SDP text with a=key-mgmt:mikey, or an RTSP KeyMgmt header (quote it)",
                Arity = ArgumentArity.ZeroOrOne,
            };
            var file = new Option<string?>("--file") { Description = "read the input from a file (text as above, or a binary MIKEY message)" };
            var json = new Option<bool>("--json") { Description = "render as JSON" };
            var showKeys = new Option<bool>("--show-keys") { Description = "show key data and salts (elided by default)" };
            var update = new Option<bool>("--update") { Description = "the message updates an existing CSB (RFC 3830 §4.5): no RAND required" };
            var quirks = new Option<string[]>("--quirk")
            {
                Description = "tolerate a peer deviation (repeatable): gstreamer-tag-length, missing-rand, trailing-pad",
            };
            var cmd = new Command("decode", "Decode and render a MIKEY message; exit 0 when valid, 1 with error code and offset when not, 2 for unusable input");
            cmd.Arguments.Add(input);
            cmd.Options.Add(file);
            cmd.Options.Add(json);
            cmd.Options.Add(showKeys);
            cmd.Options.Add(update);
            cmd.Options.Add(quirks);
            cmd.SetAction(parseResult =>
            {
                string? text = parseResult.GetValue(input);
                if (text == null && parseResult.GetValue(file) == null && Console.IsInputRedirected)
                {
                    text = Console.In.ReadToEnd();
                }

                return Run(text, parseResult.GetValue(file), parseResult.GetValue(json), parseResult.GetValue(showKeys),
                    parseResult.GetValue(update), parseResult.GetValue(quirks) ?? Array.Empty<string>());
            });
            return cmd;
        }

        /// <summary>Runs the decode; returns the exit code.</summary>
        public static int Run(string? text, string? file, bool json, bool showKeys, bool update, string[] quirkNames)
        {
            MikeyQuirks quirks = MikeyQuirks.None;
            foreach (string q in quirkNames)
            {
                switch (q)
                {
                    case "gstreamer-tag-length": quirks |= MikeyQuirks.GStreamerTagLengthInAuthKeyLength; break;
                    case "missing-rand": quirks |= MikeyQuirks.MissingRand; break;
                    case "trailing-pad": quirks |= MikeyQuirks.TrailingPadByte; break;
                    default:
                        Console.Error.WriteLine("decode: unknown quirk '" + q + "' (gstreamer-tag-length, missing-rand, trailing-pad)");
                        return BadInput;
                }
            }

            var items = DecodeInput.Extract(text, file, out string reason);
            if (items == null)
            {
                Console.Error.WriteLine("decode: " + reason);
                return BadInput;
            }

            var renderer = new MikeyRenderer { ShowKeys = showKeys, Quirks = quirks, IsCsbUpdate = update };
            int exit = Valid;
            foreach (DecodeItem item in items)
            {
                if (!json)
                {
                    Console.WriteLine("# " + item.Source);
                }

                string output = json ? renderer.RenderJson(item.Message, 0, item.Message.Length)
                    : renderer.RenderText(item.Message, 0, item.Message.Length);
                Console.Write(output);
                if (renderer.Status != MikeyStatus.End)
                {
                    Console.Error.WriteLine("error: " + MikeyRenderer.StatusName(renderer.Status) + " at offset " + renderer.ErrorOffset
                        + ", MIKEY error " + (int)renderer.ErrorCode + " (" + MikeyRenderer.ErrorName(renderer.ErrorCode) + "): "
                        + MikeyRenderer.Describe(renderer.Status));
                    exit = Invalid;
                }
            }

            return exit;
        }
    }
}
