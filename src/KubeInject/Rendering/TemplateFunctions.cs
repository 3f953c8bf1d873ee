using System.Collections;
using System.Globalization;
using System.Text;
using KubeInject.Go;
using Scriban.Runtime;

namespace KubeInject.Rendering;

/// <summary>
/// The implementations of Istio's template funcmap and of the sprig functions the Go front end binds
/// (<c>GoTemplates/GoFunctions*.cs</c> maps each Go name to one of these). Functions meant to be piped in Go
/// (<c>indent</c>, <c>trunc</c>, <c>trimSuffix</c>, <c>join</c>, <c>nindent</c>) take the piped value
/// first; the binding passes Go's last argument there. This part holds the list helpers.
/// </summary>
internal static partial class TemplateFunctions
{
    /// <summary>sprig <c>append list v</c> (pipe: <c>list | append v</c>): a new list with <paramref name="value"/> added.</summary>
    public static ScriptArray Append(object? list, object? value)
    {
        var result = list switch
        {
            null => [],
            IEnumerable e and not string => new ScriptArray(e.Cast<object?>()),
            _ => throw new InvalidOperationException($"cannot append to {Fmt.Sprint(list)}"),
        };
        result.Add(value);
        return result;
    }

}
