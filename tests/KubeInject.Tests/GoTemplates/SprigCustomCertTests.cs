using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KubeInject.Diagnostics;
using KubeInject.GoTemplates;

namespace KubeInject.Tests.GoTemplates;

/// <summary>
/// sprig's buildCustomCert (crypto_test.go TestBuildCustomCert): a base64 PEM certificate and key come back as the
/// struct's Cert and Key when both parse; a certificate that is not PEM is an error. The certificate and keys are
/// made here with .NET, in the PEM forms sprig itself writes (PKCS#1 RSA, SEC 1 EC) and PKCS#8.
/// </summary>
public sealed class SprigCustomCertTests
{
    private static string Render(string template) => GoTemplate.Compile("f", template).Render(null);

    private static string B64(string s) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(s));

    private static string SelfSigned(AsymmetricAlgorithm key)
    {
        var request = key switch
        {
            RSA rsa => new CertificateRequest("CN=example.com", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ec => new CertificateRequest("CN=example.com", ec, HashAlgorithmName.SHA256),
            _ => throw new ArgumentException("key"),
        };
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return certificate.ExportCertificatePem() + "\n";
    }

    public static TheoryData<string> Keys() => ["rsa-pkcs1", "rsa-pkcs8", "ec-sec1", "ec-pkcs8"];

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_certificate_and_key_that_parse_come_back(string kind)
    {
        using AsymmetricAlgorithm key = kind.StartsWith("rsa", StringComparison.Ordinal) ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var cert = SelfSigned(key);
        var keyPem = kind switch
        {
            "rsa-pkcs1" => ((RSA)key).ExportRSAPrivateKeyPem(),
            "ec-sec1" => ((ECDsa)key).ExportECPrivateKeyPem(),
            _ => key.ExportPkcs8PrivateKeyPem(),
        } + "\n";
        Assert.Equal(cert, Render($"{{{{- $ca := buildCustomCert \"{B64(cert)}\" \"{B64(keyPem)}\" }}}}{{{{- $ca.Cert }}}}"));
        Assert.Equal(keyPem, Render($"{{{{- $ca := buildCustomCert \"{B64(cert)}\" \"{B64(keyPem)}\" }}}}{{{{- $ca.Key }}}}"));
    }

    [Fact]
    public void What_does_not_parse_is_an_error()
    {
        using var rsa = RSA.Create(2048);
        var cert = SelfSigned(rsa);
        var key = rsa.ExportRSAPrivateKeyPem() + "\n";
        string Error(string template) => Assert.Throws<KubeInjectException>(() => Render(template)).Message;
        Assert.Contains("error calling buildCustomCert: unable to decode certificate", Error($"{{{{ buildCustomCert \"{B64("fail")}\" \"{B64(key)}\" }}}}"));
        Assert.Contains("error calling buildCustomCert: unable to decode base64 certificate", Error($"{{{{ buildCustomCert \"not base64\" \"{B64(key)}\" }}}}"));
        Assert.Contains("error calling buildCustomCert: error parsing private key: no PEM data in input", Error($"{{{{ buildCustomCert \"{B64(cert)}\" \"{B64("fail")}\" }}}}"));
        Assert.Contains("error parsing private key: no private key data in PEM block of type CERTIFICATE", Error($"{{{{ buildCustomCert \"{B64(cert)}\" \"{B64(cert)}\" }}}}"));
        var garbage = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        Assert.Contains("error parsing certificate: decodedCert.Bytes: ", Error($"{{{{ buildCustomCert \"{B64(garbage)}\" \"{B64(key)}\" }}}}"));
    }
}
