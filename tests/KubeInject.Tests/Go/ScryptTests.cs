using KubeInject.Go;

namespace KubeInject.Tests.Go;

/// <summary>scrypt against the test vectors of RFC 7914 §12.</summary>
public sealed class ScryptTests
{
    [Theory]
    [InlineData("", "", 16, 1, 1, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")]
    [InlineData("password", "NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")]
    public void Rfc_7914_vectors(string password, string salt, int n, int r, int p, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(Scrypt.Key(System.Text.Encoding.UTF8.GetBytes(password), System.Text.Encoding.UTF8.GetBytes(salt), n, r, p, 64)));
}
