using KubeInject.Diagnostics;
using KubeInject.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeInject.Reading;

/// <summary>
/// Splits a multi-document YAML (or JSON) text into <see cref="ManifestDocument"/>s, one at a time.
/// Refused as bad input: a mapping that repeats a key, a lone carriage return, and documents past
/// <see cref="Limits"/>.
/// The documents' texts partition the input: concatenated, they reproduce it byte for byte (BOM, CRLF,
/// comments, <c>---</c>/<c>...</c> markers and trailing text included). Cut points are the parser's
/// document-end marks, not a line regex, so a <c>---</c> inside a block scalar is not a separator.
/// </summary>
internal static class ManifestReader
{
    /// <summary>Reads documents lazily; a syntax error throws <see cref="KubeInjectException"/> naming file, document, line and column.</summary>
    public static IEnumerable<ManifestDocument> Read(string text, string fileName) => Read(new StringReader(text), fileName);

    /// <summary>
    /// Reads documents from a stream, one at a time: only the document being parsed (and the one before it, until
    /// the reader knows whether trailing text belongs to it) is held, so memory does not grow with the input.
    /// Each document's <see cref="ManifestDocument.Text"/> is its exact text; a syntax error throws
    /// <see cref="KubeInjectException"/> naming file, document, line and column.
    /// </summary>
    public static IEnumerable<ManifestDocument> Read(TextReader input, string fileName)
    {
        var recorder = new RecordingReader(input);
        // YamlDotNet reads a leading byte-order mark as content (the first key would be "\uFEFFapiVersion", and
        // "\uFEFF# comment" is a syntax error), so the parser starts after it and every mark is one character
        // off; the BOM stays in the first document's text.
        int bom = recorder.SkipByteOrderMark() ? 1 : 0;
        var scanner = new Scanner(recorder, skipComments: true);
        var parser = new Parser(scanner);
        var builder = new YamlTreeBuilder(parser, null, strictKeys: true);
        int index = 0;
        int chunkStart = 0;
        int nextLine = 1;
        Pending? pending = null;
        while (true)
        {
            YNode? root;
            int cut;
            var documentText = new SourceText();
            recorder.DocumentStart = chunkStart;
            try
            {
                if (index == 0 && pending is null) parser.Consume<StreamStart>();
                if (parser.TryConsume<StreamEnd>(out _)) break;
                parser.Consume<DocumentStart>();
                builder.UseText(documentText, bom - chunkStart, parserIndex => recorder.CharAt(parserIndex + bom));
                root = builder.ReadDocumentBody(out var end);
                cut = (int)end.End.Index + bom;
            }
            catch (YamlException e)
            {
                // A few of YamlDotNet's scanner errors carry no position (a tab as indentation): the scanner's is it.
                var at = e.Start.Equals(Mark.Empty) ? scanner.CurrentPosition : e.Start;
                throw new KubeInjectException(
                    $"invalid YAML: {Clean(e.Message)}",
                    new SourceLocation(fileName, index, (int)at.Line, (int)at.Column),
                    ErrorKind.BadInput, e);
            }
            catch (RefusedInputException e)
            {
                var (line, column) = recorder.PositionOf(e.Offset);
                throw new KubeInjectException(e.Message, new SourceLocation(fileName, index, line, column), ErrorKind.BadInput, e);
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
            if (pending is not null) yield return Finish(pending, pending.End, recorder, ref nextLine);
            pending = new Pending(index, chunkStart, Math.Max(cut, chunkStart), root, documentText, builder.SawAnchorOrAlias);
            chunkStart = pending.End;
            index++;
        }
        if (pending is not null)
        {
            // Whatever follows the last document (comments, blank lines) belongs to it.
            yield return Finish(pending, recorder.Length, recorder, ref nextLine);
        }
        else if (recorder.Length > 0)
        {
            // Comment-only or blank input: one empty document that is copied through.
            yield return new ManifestDocument(0, recorder.Slice(0, recorder.Length), 0, recorder.Length, null, 1);
        }
    }

    private sealed record Pending(int Index, int Start, int End, YNode? Root, SourceText Text, bool HasAnchorsOrAliases);

    // The document's text is now known: its spans get it, and the reader forgets everything before its end.
    private static ManifestDocument Finish(Pending p, int end, RecordingReader recorder, ref int line)
    {
        string text = recorder.Slice(p.Start, end);
        p.Text.Value = text;
        recorder.Forget(end);
        var document = new ManifestDocument(p.Index, text, 0, text.Length, p.Root, line) { HasAnchorsOrAliases = p.HasAnchorsOrAliases };
        foreach (char c in text) if (c == '\n') line++;
        return document;
    }

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the location is reported separately.
    private static string Clean(string message)
    {
        int i = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && i > 0 ? message[(i + 3)..] : message;
    }
}
