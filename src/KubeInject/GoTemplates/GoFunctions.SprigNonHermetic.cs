using System.Text;
using KubeInject.Rendering;
using Scriban;

namespace KubeInject.GoTemplates;

// sprig's functions that read the environment or draw random values (its own nonhermeticFunctions list, plus the
// crypto functions that make keys, salts and IVs). KubeInject's output must be a fixed point of a second run and the
// library reads nothing the caller did not hand it, so:
// - expandenv reads the environment the caller passes (InjectionOptions.Environment), the one Istio's env reads;
// - random values, generated keys and certificates and DNS lookups are refused when a template calls them (not when
//   it merely contains them, as Go would parse it), with a message saying why and what to write instead.
// now and the date functions take the caller's clock (GoFunctions.SprigDates.cs).
internal static partial class GoFunctions
{
    private const string RandomReason =
        "Istio's injector draws a new value for every pod it creates, so an offline render would change the manifest on every run; " +
        "write the value into the template or read it from an annotation";

    private const string KeyReason =
        "it makes a new key, salt, IV or certificate on every call, so an offline render would change the manifest on every run; " +
        "create the secret once and mount it, or pass it in an annotation";

    private static void AddSprigNonHermetic(Dictionary<string, GoFunction> m)
    {
        Fixed(m, "expandenv", 1, (c, a) => ExpandEnv(c, Str(a[0])));

        foreach (var name in new[] { "randAlphaNum", "randAlpha", "randAscii", "randNumeric", "randBytes", "randInt", "shuffle", "uuidv4" })
            m[name] = Refused(name, "random values are not supported: " + RandomReason);
        foreach (var name in new[] { "genPrivateKey", "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert", "genSignedCertWithKey", "bcrypt", "htpasswd", "encryptAES" })
            m[name] = Refused(name, "not supported: " + KeyReason);
        m["getHostByName"] = Refused("getHostByName",
            "DNS lookups are not supported: the answer would be the network of the machine running kube-inject, not the cluster's; write the address into the template");
    }

    private static GoFunction Refused(string name, string reason) => (_, _) => throw new GoExecException($"error calling {name}: {reason}");

    // Go's os.Expand over the render's environment: $NAME, ${NAME} and the one-character shell specials ($1, $*, …)
    // are replaced (an unset name by ""), "${}" and an unclosed "${" are dropped, a "$" before anything else is kept.
    private static string ExpandEnv(TemplateContext context, string s)
    {
        var environment = (context as GoTemplateContext)?.Environment;
        string Lookup(string name) => environment is not null && environment.TryGetValue(name, out var v) ? v : "";
        StringBuilder? buf = null;
        int i = 0;
        for (int j = 0; j < s.Length; j++)
        {
            if (s[j] != '$' || j + 1 >= s.Length) continue;
            buf ??= new StringBuilder(2 * s.Length);
            buf.Append(s, i, j - i);
            var (name, width) = ShellName(s, j + 1);
            if (name.Length == 0 && width > 0) { } // bad syntax: the characters are dropped
            else if (name.Length == 0) buf.Append('$');
            else buf.Append(Lookup(name));
            j += width;
            i = j + 1;
        }
        return buf is null ? s : buf.Append(s, i, s.Length - i).ToString();
    }

    // Go's getShellName: the name after a '$' at start, and how many characters it took.
    private static (string Name, int Width) ShellName(string s, int start)
    {
        static bool Special(char c) => c is '*' or '#' or '$' or '@' or '!' or '?' or '-' or (>= '0' and <= '9');
        if (s[start] == '{')
        {
            if (s.Length - start > 2 && Special(s[start + 1]) && s[start + 2] == '}') return (s.Substring(start + 1, 1), 3);
            for (int k = start + 1; k < s.Length; k++)
            {
                if (s[k] != '}') continue;
                return k == start + 1 ? ("", 2) : (s[(start + 1)..k], k - start + 1);
            }
            return ("", 1);
        }
        if (Special(s[start])) return (s.Substring(start, 1), 1);
        int end = start;
        while (end < s.Length && (s[end] == '_' || char.IsAsciiLetterOrDigit(s[end]))) end++;
        return (s[start..end], end - start);
    }
}
