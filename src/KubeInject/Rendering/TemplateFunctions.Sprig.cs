using System.Collections;
using System.Text;
using KubeInject.Go;
using Scriban.Runtime;

namespace KubeInject.Rendering;

// The sprig (v3) functions the Go front end binds. Functions that templates pipe into take the piped
// value FIRST (Go/sprig pass it last; GoFunctions binds the order): trunc, trimSuffix, nindent, join.
internal static partial class TemplateFunctions
{
    /// <summary>
    /// sprig <c>quote v...</c>: each non-nil argument as text (<c>%v</c>), Go-quoted (<c>%q</c>), joined with
    /// spaces; nil arguments are skipped, so quoting a missing value gives <c>""</c> (the empty text, not a pair of quotes).
    /// </summary>
    public static string Quote(params object?[] values) =>
        string.Join(' ', values.Where(v => v is not null).Select(v => Strconv.Quote(Fmt.Sprint(v))));

    /// <summary>
    /// sprig <c>trunc n s</c>, written <c>s | trunc n</c>: the first <paramref name="length"/> <em>bytes</em>
    /// (UTF-8); a negative length keeps the last bytes. A cut inside a character leaves U+FFFD.
    /// </summary>
    public static string Trunc(string? text, int length)
    {
        var bytes = Encoding.UTF8.GetBytes(text ?? "");
        if (length < 0 && bytes.Length + length > 0) return Encoding.UTF8.GetString(bytes, bytes.Length + length, -length);
        if (length >= 0 && bytes.Length > length) return Encoding.UTF8.GetString(bytes, 0, length);
        return text ?? "";
    }

    /// <summary>sprig <c>trimSuffix suffix s</c>, written <c>s | trim_suffix suffix</c>: removes one trailing occurrence.</summary>
    public static string TrimSuffix(string? text, string? suffix)
    {
        text ??= "";
        return !string.IsNullOrEmpty(suffix) && text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] : text;
    }

    /// <summary>sprig <c>nindent n s</c>, written <c>s | nindent n</c>: a newline, then every line (the first too) prefixed with n spaces.</summary>
    public static string Nindent(string? text, int spaces)
    {
        var pad = new string(' ', Math.Max(spaces, 0));
        return "\n" + pad + (text ?? "").Replace("\n", "\n" + pad);
    }

    /// <summary>
    /// sprig <c>join sep list</c>, written <c>list | join sep</c>: items as text (<c>%v</c>) with nils skipped;
    /// a single non-list value is joined as a list of one; nil gives <c>""</c>.
    /// </summary>
    public static string Join(object? list, string? separator)
    {
        IEnumerable<string> items = list switch
        {
            null => [],
            string s => [s],
            IEnumerable e => e.Cast<object?>().Where(v => v is not null).Select(Fmt.Sprint),
            _ => [Fmt.Sprint(list)],
        };
        return string.Join(separator ?? "", items);
    }
}
