using KubeInject.Diagnostics;
using KubeInject.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeInject.Reading;

/// <summary>
/// Splits a multi-document YAML (or JSON) text into <see cref="ManifestDocument"/>s, one at a time.
/// The documents' texts partition the input: concatenated, they reproduce it byte for byte (BOM, CRLF,
/// comments, <c>---</c>/<c>...</c> markers and trailing text included). Cut points are the parser's
/// document-end marks, not a line regex, so a <c>---</c> inside a block scalar is not a separator.
/// </summary>
public static class ManifestReader
{
    /// <summary>Reads documents lazily; a syntax error throws <see cref="KubeInjectException"/> naming file, document, line and column.</summary>
    public static IEnumerable<ManifestDocument> Read(string text, string fileName)
    {
        var source = new SourceText(text);
        // YamlDotNet reads a leading byte-order mark from a string as content (the first key would be
        // "\uFEFFapiVersion", and "\uFEFF# comment" is a syntax error), so it parses the text after it and
        // every mark is moved one character on; the BOM stays in the first document's text.
        int bom = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var parser = new Parser(new Scanner(new StringReader(bom == 0 ? text : text[1..]), skipComments: true));
        var builder = new YamlTreeBuilder(parser, source, bom);
        int index = 0;
        int chunkStart = 0;
        int lineCursor = 0, lineAtCursor = 1;
        ManifestDocument? pending = null;
        while (true)
        {
            YNode? root;
            int cut;
            try
            {
                if (index == 0 && pending is null) parser.Consume<StreamStart>();
                if (parser.TryConsume<StreamEnd>(out _)) break;
                parser.Consume<DocumentStart>();
                root = builder.ReadDocumentBody(out var end);
                cut = (int)end.End.Index + bom;
            }
            catch (YamlException e)
            {
                throw new KubeInjectException(
                    $"invalid YAML: {Clean(e.Message)}",
                    new SourceLocation(fileName, index, (int)e.Start.Line, (int)e.Start.Column),
                    ErrorKind.BadInput, e);
            }
            catch (InvalidOperationException e)
            {
                // YamlDotNet throws this instead of a YamlException for some malformed flow collections
                // (e.g. "a: [" followed by a block mapping line); report it as bad input where parsing stopped.
                var at = parser.Current?.Start ?? Mark.Empty;
                throw new KubeInjectException(
                    "invalid YAML: the parser stopped here (an unclosed flow collection or a misplaced block?)",
                    new SourceLocation(fileName, index, (int)at.Line, (int)at.Column),
                    ErrorKind.BadInput, e);
            }
            if (pending is not null) yield return pending;
            for (; lineCursor < chunkStart && lineCursor < text.Length; lineCursor++) if (text[lineCursor] == '\n') lineAtCursor++;
            int startLine = lineAtCursor;
            pending = new ManifestDocument(index, text, chunkStart, Math.Max(cut, chunkStart), root, Math.Max(startLine, 1));
            chunkStart = Math.Max(cut, chunkStart);
            index++;
        }
        if (pending is not null)
        {
            // Whatever follows the last document (comments, blank lines) belongs to it.
            yield return new ManifestDocument(pending.Index, text, pending.Start, text.Length, pending.Root, pending.Line);
        }
        else if (text.Length > 0)
        {
            // Comment-only or blank input: one empty document that is copied through.
            yield return new ManifestDocument(0, text, 0, text.Length, null, 1);
        }
    }

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the location is reported separately.
    private static string Clean(string message)
    {
        int i = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && i > 0 ? message[(i + 3)..] : message;
    }
}
