using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace KubeInject.Go;

/// <summary>
/// golang.org/x/crypto/scrypt's <c>Key</c> (RFC 7914): PBKDF2-HMAC-SHA256 around scryptROMix with Salsa20/8, the key
/// derivation sprig's <c>derivePassword</c> uses (N = 32768, r = 8, p = 2: 32 MiB and a fraction of a second).
/// </summary>
internal static class Scrypt
{
    /// <summary>A <paramref name="keyLength"/>-byte key from <paramref name="password"/> and <paramref name="salt"/>.</summary>
    public static byte[] Key(byte[] password, byte[] salt, int n, int r, int p, int keyLength)
    {
        if (n <= 1 || (n & (n - 1)) != 0) throw new ArgumentException("scrypt: N must be > 1 and a power of 2", nameof(n));
        var b = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, p * 128 * r);
        var x = new uint[32 * r];
        var v = new uint[32 * r * n];
        var y = new uint[32 * r];
        for (int i = 0; i < p; i++)
        {
            var block = b.AsSpan(i * 128 * r, 128 * r);
            for (int k = 0; k < x.Length; k++) x[k] = BinaryPrimitives.ReadUInt32LittleEndian(block[(4 * k)..]);
            RoMix(x, v, y, n, r);
            for (int k = 0; k < x.Length; k++) BinaryPrimitives.WriteUInt32LittleEndian(block[(4 * k)..], x[k]);
        }
        return Rfc2898DeriveBytes.Pbkdf2(password, b, 1, HashAlgorithmName.SHA256, keyLength);
    }

    // scryptROMix: fill V with the successive BlockMix states, then mix in the states Integerify picks.
    private static void RoMix(uint[] x, uint[] v, uint[] y, int n, int r)
    {
        int words = 32 * r;
        for (int i = 0; i < n; i++)
        {
            Array.Copy(x, 0, v, i * words, words);
            BlockMix(x, y, r);
        }
        for (int i = 0; i < n; i++)
        {
            int j = (int)(x[(2 * r - 1) * 16] & (uint)(n - 1));
            for (int k = 0; k < words; k++) x[k] ^= v[j * words + k];
            BlockMix(x, y, r);
        }
    }

    // BlockMix of the 2r 64-byte blocks of b (in place), y as scratch: even outputs first, then odd ones.
    private static void BlockMix(uint[] b, uint[] y, int r)
    {
        Span<uint> t = stackalloc uint[16];
        b.AsSpan((2 * r - 1) * 16, 16).CopyTo(t);
        for (int i = 0; i < 2 * r; i++)
        {
            for (int k = 0; k < 16; k++) t[k] ^= b[i * 16 + k];
            Salsa208(t);
            t.CopyTo(y.AsSpan((i / 2 + (i % 2) * r) * 16, 16));
        }
        y.AsSpan(0, 32 * r).CopyTo(b);
    }

    private static void Salsa208(Span<uint> b)
    {
        Span<uint> x = stackalloc uint[16];
        b.CopyTo(x);
        for (int i = 0; i < 8; i += 2)
        {
            x[4] ^= BitOperations.RotateLeft(x[0] + x[12], 7); x[8] ^= BitOperations.RotateLeft(x[4] + x[0], 9);
            x[12] ^= BitOperations.RotateLeft(x[8] + x[4], 13); x[0] ^= BitOperations.RotateLeft(x[12] + x[8], 18);
            x[9] ^= BitOperations.RotateLeft(x[5] + x[1], 7); x[13] ^= BitOperations.RotateLeft(x[9] + x[5], 9);
            x[1] ^= BitOperations.RotateLeft(x[13] + x[9], 13); x[5] ^= BitOperations.RotateLeft(x[1] + x[13], 18);
            x[14] ^= BitOperations.RotateLeft(x[10] + x[6], 7); x[2] ^= BitOperations.RotateLeft(x[14] + x[10], 9);
            x[6] ^= BitOperations.RotateLeft(x[2] + x[14], 13); x[10] ^= BitOperations.RotateLeft(x[6] + x[2], 18);
            x[3] ^= BitOperations.RotateLeft(x[15] + x[11], 7); x[7] ^= BitOperations.RotateLeft(x[3] + x[15], 9);
            x[11] ^= BitOperations.RotateLeft(x[7] + x[3], 13); x[15] ^= BitOperations.RotateLeft(x[11] + x[7], 18);
            x[1] ^= BitOperations.RotateLeft(x[0] + x[3], 7); x[2] ^= BitOperations.RotateLeft(x[1] + x[0], 9);
            x[3] ^= BitOperations.RotateLeft(x[2] + x[1], 13); x[0] ^= BitOperations.RotateLeft(x[3] + x[2], 18);
            x[6] ^= BitOperations.RotateLeft(x[5] + x[4], 7); x[7] ^= BitOperations.RotateLeft(x[6] + x[5], 9);
            x[4] ^= BitOperations.RotateLeft(x[7] + x[6], 13); x[5] ^= BitOperations.RotateLeft(x[4] + x[7], 18);
            x[11] ^= BitOperations.RotateLeft(x[10] + x[9], 7); x[8] ^= BitOperations.RotateLeft(x[11] + x[10], 9);
            x[9] ^= BitOperations.RotateLeft(x[8] + x[11], 13); x[10] ^= BitOperations.RotateLeft(x[9] + x[8], 18);
            x[12] ^= BitOperations.RotateLeft(x[15] + x[14], 7); x[13] ^= BitOperations.RotateLeft(x[12] + x[15], 9);
            x[14] ^= BitOperations.RotateLeft(x[13] + x[12], 13); x[15] ^= BitOperations.RotateLeft(x[14] + x[13], 18);
        }
        for (int i = 0; i < 16; i++) b[i] += x[i];
    }
}
