using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject.Selection;

/// <summary>The operators of a Kubernetes label selector requirement.</summary>
internal enum SelectorOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

/// <summary>One <c>matchExpressions</c> entry: <c>key operator values</c>.</summary>
/// <param name="Key">The label key.</param>
/// <param name="Operator">How the label is tested.</param>
/// <param name="Values">The values for <c>In</c>/<c>NotIn</c>.</param>
internal sealed record LabelRequirement(string Key, SelectorOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>Kubernetes' semantics: <c>NotIn</c> and <c>DoesNotExist</c> hold when the key is absent.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        bool present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            SelectorOperator.In => present && Values.Contains(value!, StringComparer.Ordinal),
            SelectorOperator.NotIn => !present || !Values.Contains(value!, StringComparer.Ordinal),
            SelectorOperator.Exists => present,
            _ => !present,
        };
    }
}

/// <summary>
/// A Kubernetes <c>LabelSelector</c> (<c>matchLabels</c> and <c>matchExpressions</c>, all ANDed); an empty
/// selector matches everything, as in a webhook's <c>namespaceSelector</c>/<c>objectSelector</c>.
/// </summary>
internal sealed record LabelSelector(IReadOnlyList<LabelRequirement> Requirements)
{
    /// <summary>Matches everything (an absent selector).</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>A selector from requirements.</summary>
    public static LabelSelector Of(params LabelRequirement[] requirements) => new(requirements);

    /// <summary>True when every requirement holds.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(r => r.Matches(labels));

    /// <summary>
    /// Why Kubernetes' <c>LabelSelectorAsSelector</c> refuses a selector, or null: an unknown operator, <c>In</c> or
    /// <c>NotIn</c> without values, <c>Exists</c> or <c>DoesNotExist</c> with some.
    /// </summary>
    public static string? Problem(YMapping selector)
    {
        if (selector["matchExpressions"] is not YSequence expressions) return null;
        foreach (var item in expressions.Items)
        {
            if (item is not YMapping e) return "a matchExpressions entry is not a mapping";
            string op = Text(e["operator"]);
            int values = e["values"] is YSequence vs ? vs.Count : 0;
            if (!Enum.TryParse<SelectorOperator>(op, ignoreCase: false, out var parsed) || int.TryParse(op, out _))
                return $"\"{op}\" is not a valid label selector operator";
            if (parsed is SelectorOperator.In or SelectorOperator.NotIn && values == 0)
                return $"for '{op}' the values set can't be empty (key \"{Text(e["key"])}\")";
            if (parsed is SelectorOperator.Exists or SelectorOperator.DoesNotExist && values > 0)
                return $"values set must be empty for '{op}' (key \"{Text(e["key"])}\")";
        }
        return null;
    }

    /// <summary>Reads a selector mapping as written in a <c>MutatingWebhookConfiguration</c>; null or absent matches everything.</summary>
    public static LabelSelector Parse(YNode? node)
    {
        if (node is not YMapping m) return Everything;
        var requirements = new List<LabelRequirement>();
        if (m["matchLabels"] is YMapping labels)
            foreach (var e in labels.Entries)
                requirements.Add(new LabelRequirement(e.Name, SelectorOperator.In, [Text(e.Value)]));
        if (m["matchExpressions"] is YSequence expressions)
        {
            foreach (var item in expressions.Items.OfType<YMapping>())
            {
                var op = Enum.TryParse<SelectorOperator>(Text(item["operator"]), ignoreCase: false, out var parsed) ? parsed : SelectorOperator.In;
                var values = item["values"] is YSequence vs ? vs.Items.Select(Text).ToList() : [];
                requirements.Add(new LabelRequirement(Text(item["key"]), op, values));
            }
        }
        return new LabelSelector(requirements);
    }

}
