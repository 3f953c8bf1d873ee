namespace KubeInject.Go.SigsYaml;

/// <summary>
/// go-yaml v2's "natural" ordering of string map keys (<c>keyList.Less</c> in sorter.go), which is what
/// <c>sigs.k8s.io/yaml</c> output follows: letters by code point, a non-letter before a letter, digit runs by
/// numeric value (<c>port9</c> before <c>port10</c>), a prefix before the longer key.
/// </summary>
internal sealed class YamlKeyOrder : IComparer<string>
{
    /// <summary>The shared instance.</summary>
    public static readonly YamlKeyOrder Instance = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        if (Less(x, y)) return -1;
        return Less(y, x) ? 1 : 0;
    }

    private static bool Less(string a, string b)
    {
        int[] ar = Runes(a), br = Runes(b);
        for (int i = 0; i < ar.Length && i < br.Length; i++)
        {
            if (ar[i] == br[i]) continue;
            bool al = IsLetter(ar[i]), bl = IsLetter(br[i]);
            if (al && bl) return ar[i] < br[i];
            if (al || bl) return bl;
            long an = 0, bn = 0;
            if (ar[i] == '0' || br[i] == '0')
            {
                // A zero inside a longer number ("10" vs "1a") keeps the numbers apart.
                for (int j = i - 1; j >= 0 && IsDigit(ar[j]); j--)
                {
                    if (ar[j] != '0') { an = 1; bn = 1; break; }
                }
            }
            int ai = i, bi = i;
            for (; ai < ar.Length && IsDigit(ar[ai]); ai++) an = an * 10 + (ar[ai] - '0');
            for (; bi < br.Length && IsDigit(br[bi]); bi++) bn = bn * 10 + (br[bi] - '0');
            if (an != bn) return an < bn;
            if (ai != bi) return ai < bi;
            return ar[i] < br[i];
        }
        return ar.Length < br.Length;
    }

    private static int[] Runes(string s) => s.EnumerateRunes().Select(r => r.Value).ToArray();

    private static bool IsLetter(int r) => System.Text.Rune.IsLetter(new System.Text.Rune(r));

    // unicode.IsDigit: decimal digits of any script; go-yaml then subtracts '0', which only makes sense for ASCII.
    private static bool IsDigit(int r) => System.Text.Rune.IsDigit(new System.Text.Rune(r));
}
