using KubeInject.Go;

namespace KubeInject.GoTemplates;

// sprig's string functions built on goutils and xstrings (functions.go "Strings"): case changers, abbreviations,
// initials and word wrapping, as sprig v3.3.0 registers them (camelcase is xstrings' ToPascalCase there).
internal static partial class GoFunctions
{
    private static void AddSprigStrings(Dictionary<string, GoFunction> m)
    {
        Fixed(m, "camelcase", 1, (_, a) => XStrings.ToPascalCase(Str(a[0])));
        Fixed(m, "snakecase", 1, (_, a) => XStrings.ToSnakeCase(Str(a[0])));
        Fixed(m, "kebabcase", 1, (_, a) => XStrings.ToKebabCase(Str(a[0])));
        Fixed(m, "swapcase", 1, (_, a) => GoUtils.SwapCase(Str(a[0])));
        Fixed(m, "untitle", 1, (_, a) => GoUtils.Uncapitalize(Str(a[0])));
        Fixed(m, "initials", 1, (_, a) => GoUtils.Initials(Str(a[0])));
        Fixed(m, "nospace", 1, (_, a) => GoUtils.DeleteWhiteSpace(Str(a[0])));
        // sprig returns the string itself for a width goutils would refuse.
        Fixed(m, "abbrev", 2, (_, a) => Int(a[0]) is var width && width < 4 ? Str(a[1]) : GoUtils.Abbreviate(Str(a[1]), width));
        Fixed(m, "abbrevboth", 3, (_, a) =>
        {
            int left = Int(a[0]), right = Int(a[1]);
            return right < 4 || (left > 0 && right < 7) ? Str(a[2]) : GoUtils.AbbreviateFull(Str(a[2]), left, right);
        });
        Fixed(m, "wrap", 2, (_, a) => GoUtils.WrapCustom(Str(a[1]), Int(a[0]), "", wrapLongWords: false));
        Fixed(m, "wrapWith", 3, (_, a) => GoUtils.WrapCustom(Str(a[2]), Int(a[0]), Str(a[1]), wrapLongWords: true));
    }
}
