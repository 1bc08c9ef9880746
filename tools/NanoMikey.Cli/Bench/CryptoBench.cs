using System;
using System.Security.Cryptography;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Mac;
using NanoMikey.Hardware.Host;
using OurAesGcm = NanoMikey.Crypto.Cipher.AesGcm;

namespace NanoMikey.Cli.Bench
{
    /// <summary>The `bench crypto` rows: our symmetric primitives next to .NET's own, same inputs, same run.</summary>
    public static class CryptoBench
    {
        /// <summary>Runs every row and returns the table.</summary>
        public static BenchTable Run(int rounds, int roundMillis)
        {
            var table = new BenchTable("nanoMikey symmetric crypto vs .NET " + Environment.Version + " (" + (Environment.Is64BitProcess ? "x64" : "x86") + ")");
            var key16 = RandomNumberGenerator.GetBytes(16);
            var key20 = RandomNumberGenerator.GetBytes(20);
            var counter = RandomNumberGenerator.GetBytes(16);

            // .NET reference CTR: the same 11 counter blocks through a cached ECB encryptor (AES-NI), one call; the one-shot
            // Aes.EncryptEcb is slower per call because it sets up a native cipher context each time.
            using var netAes = Aes.Create();
            netAes.Key = key16;
            netAes.Mode = CipherMode.ECB;
            netAes.Padding = PaddingMode.None;
            using var netEcb = netAes.CreateEncryptor();
            var refBlocks = new byte[176];
            var refOut = new byte[176];
            TimedLoop netCtr = n =>
            {
                for (int i = 0; i < n; i++)
                {
                    for (int b = 0; b < 11; b++)
                    {
                        Array.Copy(counter, 0, refBlocks, b << 4, 16);
                        refBlocks[(b << 4) + 15] += (byte)b;
                    }
                    netEcb.TransformBlock(refBlocks, 0, 176, refOut, 0);
                }
            };
            var netCtrM = Measurement.Run(netCtr, rounds, roundMillis);

            var ctr = new AesCtr(176);
            var ks = new byte[176];
            var host = new HostAesEngine(16);
            host.SetKey(key16, 0, 16);
            table.Add("AES-128-CTR keystream 176 B, HostAesEngine", Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) ctr.GenerateKeystream(host, counter, 0, ks, 0, 176);
            }, rounds, roundMillis), netCtrM, "cached ECB ICryptoTransform over counter blocks", 176);

            var sw = new SoftwareAes();
            sw.SetKey(key16, 0, 16);
            table.Add("AES-128-CTR keystream 176 B, SoftwareAes (bitsliced CT)", Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) ctr.GenerateKeystream(sw, counter, 0, ks, 0, 176);
            }, rounds, roundMillis), netCtrM, "cached ECB ICryptoTransform over counter blocks", 176);

            var big = new byte[4096];
            var netBig = new byte[4096];
            table.Add("AES-128-ECB 4 KB, SoftwareAes (bitsliced CT)", Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) sw.EncryptBlocks(big, 0, big, 0, 4096);
            }, rounds, roundMillis), Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) netEcb.TransformBlock(big, 0, 4096, netBig, 0);
            }, rounds, roundMillis), "cached ECB ICryptoTransform", 4096);

            var sw256 = new SoftwareAes();
            sw256.SetKey(RandomNumberGenerator.GetBytes(32), 0, 32);
            using var netAes256 = Aes.Create();
            netAes256.Key = RandomNumberGenerator.GetBytes(32);
            netAes256.Mode = CipherMode.ECB;
            netAes256.Padding = PaddingMode.None;
            using var netEcb256 = netAes256.CreateEncryptor();
            table.Add("AES-256-ECB 4 KB, SoftwareAes (bitsliced CT)", Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) sw256.EncryptBlocks(big, 0, big, 0, 4096);
            }, rounds, roundMillis), Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) netEcb256.TransformBlock(big, 0, 4096, netBig, 0);
            }, rounds, roundMillis), "cached ECB ICryptoTransform", 4096);

            var msg176 = RandomNumberGenerator.GetBytes(176);
            var mac = new byte[20];
            var netMac = new byte[20];
            var hmac = new HmacSha1(key20, 0, 20);
            table.Add("HMAC-SHA-1 176 B, keyed state", Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) hmac.Compute(msg176, 0, 176, mac, 0, 20);
            }, rounds, roundMillis), Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) HMACSHA1.HashData(key20, msg176, netMac);
            }, rounds, roundMillis), "HMACSHA1.HashData", 176);

            var hmac256 = new HmacSha256(key16, 0, 16);
            var mac32 = new byte[32];
            table.Add("HMAC-SHA-256 176 B, keyed state", Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) hmac256.Compute(msg176, 0, 176, mac32, 0, 32);
            }, rounds, roundMillis), Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) HMACSHA256.HashData(key16, msg176, mac32);
            }, rounds, roundMillis), "HMACSHA256.HashData", 176);

            var kb = RandomNumberGenerator.GetBytes(1024);
            var sha1 = new Sha1();
            var d20 = new byte[20];
            table.Add("SHA-1 1 KB", Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++)
                {
                    sha1.Update(kb, 0, 1024);
                    sha1.Final(d20, 0);
                }
            }, rounds, roundMillis), Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) SHA1.HashData(kb, d20);
            }, rounds, roundMillis), "SHA1.HashData", 1024);

            var sha256 = new Sha256();
            var d32 = new byte[32];
            table.Add("SHA-256 1 KB", Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++)
                {
                    sha256.Update(kb, 0, 1024);
                    sha256.Final(d32, 0);
                }
            }, rounds, roundMillis), Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) SHA256.HashData(kb, d32);
            }, rounds, roundMillis), "SHA256.HashData", 1024);

            var nonce = RandomNumberGenerator.GetBytes(12);
            var aad = RandomNumberGenerator.GetBytes(12);
            var pt = RandomNumberGenerator.GetBytes(172);
            var ct = new byte[172];
            var tag = new byte[16];
            using var netGcm = new System.Security.Cryptography.AesGcm(key16, 16);
            var netGcmM = Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) netGcm.Encrypt(nonce, pt, ct, tag, aad);
            }, rounds, roundMillis);
            var gcmSw = new OurAesGcm(sw, 172);
            table.Add("AES-128-GCM seal 172 B (+12 B AAD), SoftwareAes", Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) gcmSw.Seal(nonce, 0, 12, aad, 0, 12, pt, 0, 172, ct, 0, tag, 0, 16);
            }, rounds, roundMillis), netGcmM, "System.Security.Cryptography.AesGcm", 172);
            var gcmHost = new OurAesGcm(host, 172);
            table.Add("AES-128-GCM seal 172 B (+12 B AAD), HostAesEngine", Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) gcmHost.Seal(nonce, 0, 12, aad, 0, 12, pt, 0, 172, ct, 0, tag, 0, 16);
            }, rounds, roundMillis), netGcmM, "System.Security.Cryptography.AesGcm", 172);
            gcmSw.Seal(nonce, 0, 12, aad, 0, 12, pt, 0, 172, ct, 0, tag, 0, 16);
            var back = new byte[172];
            var netBack = new byte[172];
            table.Add("AES-128-GCM open 172 B (+12 B AAD), SoftwareAes", Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) gcmSw.Open(nonce, 0, 12, aad, 0, 12, ct, 0, 172, tag, 0, 16, back, 0);
            }, rounds, roundMillis), Measurement.Run(n =>
            {
                for (int i = 0; i < n; i++) netGcm.Decrypt(nonce, ct, tag, netBack, aad);
            }, rounds, roundMillis), "System.Security.Cryptography.AesGcm", 172);
            return table;
        }
    }
}
