using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeInject.Go;

/// <summary>
/// The checks sprig's <c>buildCustomCert</c> makes with Go's <c>crypto/x509</c>: a DER certificate that parses, and a
/// PEM private key of a kind Go reads (PKCS#8 with RSA, ECDSA, Ed25519 or X25519; PKCS#1 RSA; SEC 1 EC; sprig's DSA
/// sequence). Errors carry sprig's wording where sprig words them; the parser's own detail is .NET's, not Go's.
/// </summary>
internal static class X509Parsing
{
    /// <summary>null when <paramref name="der"/> is a certificate, else why not.</summary>
    public static string? CertificateError(byte[] der)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            return null;
        }
        catch (CryptographicException e)
        {
            return e.Message;
        }
    }

    /// <summary>null when <paramref name="pem"/> holds a private key Go's sprig accepts, else sprig's error.</summary>
    public static string? PrivateKeyError(string pem)
    {
        if (Pem.Decode(pem) is not { } block) return "no PEM data in input";
        var (type, bytes) = block;
        try
        {
            if (type == "PRIVATE KEY") return Pkcs8Error(bytes) is { } e ? "decoding PEM as PKCS#8: " + e : null;
            if (!type.EndsWith(" PRIVATE KEY", StringComparison.Ordinal)) return $"no private key data in PEM block of type {type}";
            switch (type[..^" PRIVATE KEY".Length])
            {
                case "RSA":
                    using (var rsa = RSA.Create()) rsa.ImportRSAPrivateKey(bytes, out _);
                    return null;
                case "EC":
                    using (var ec = ECDsa.Create()) ec.ImportECPrivateKey(bytes, out _);
                    return null;
                case "DSA":
                    // sprig's DSAKeyFormat: SEQUENCE { Version, P, Q, G, Y, X } of integers.
                    var sequence = new AsnReader(bytes, AsnEncodingRules.DER).ReadSequence();
                    for (int i = 0; i < 6; i++) sequence.ReadInteger();
                    return null;
                default:
                    return $"invalid private key type {type}";
            }
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            return $"parsing {type[..^" PRIVATE KEY".Length]} private key from PEM: {e.Message}";
        }
    }

    // x509.ParsePKCS8PrivateKey: the algorithms Go reads.
    private static string? Pkcs8Error(byte[] der)
    {
        try
        {
            var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            info.ReadInteger();
            var algorithm = info.ReadSequence().ReadObjectIdentifier();
            switch (algorithm)
            {
                case "1.2.840.113549.1.1.1":
                    using (var rsa = RSA.Create()) rsa.ImportPkcs8PrivateKey(der, out _);
                    return null;
                case "1.2.840.10045.2.1":
                    using (var ec = ECDsa.Create()) ec.ImportPkcs8PrivateKey(der, out _);
                    return null;
                case "1.3.101.112" or "1.3.101.110":
                    // Ed25519 and X25519: an OCTET STRING holding the 32-byte key.
                    return new AsnReader(info.ReadOctetString(), AsnEncodingRules.BER).ReadOctetString().Length == 32 ? null : "invalid key length";
                default:
                    return $"x509: PKCS#8 wrapping contained private key with unknown algorithm: {algorithm}";
            }
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            return e.Message;
        }
    }
}
