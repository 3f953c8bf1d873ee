using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;
using DiffPlex.Renderer;

namespace KubeInject.Tests.Golden;

/// <summary>Verify's compare step (<c>src/Verify/Compare/Comparer.cs</c>) for text snapshots.</summary>
internal static class SnapshotComparer
{
    // Verify writes snapshots as UTF-8 with a BOM; reading detects and strips any BOM.
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Normalises and scrubs <paramref name="target"/>, then compares, writes or accepts the snapshot.</summary>
    /// <exception cref="VerifyException">The snapshot is new, differs, or its verified file has CR line ends.</exception>
    public static void Compare(string target, IEnumerable<Action<StringBuilder>> scrubbers, SnapshotFiles files, Accept accept)
    {
        var builder = new StringBuilder(target).Replace("\r\n", "\n").Replace('\r', '\n');
        foreach (var scrub in scrubbers)
        {
            scrub(builder);
        }

        var received = builder.ToString();
        var verified = File.Exists(files.VerifiedPath) ? File.ReadAllText(files.VerifiedPath, Encoding.UTF8) : null;
        if (verified == received)
        {
            File.Delete(files.ReceivedPath);
            return;
        }

        Directory.CreateDirectory(files.Folder);
        File.WriteAllText(files.ReceivedPath, received, Utf8WithBom);
        if (accept == Accept.Yes)
        {
            File.Move(files.ReceivedPath, files.VerifiedPath, overwrite: true);
            return;
        }

        var message = verified switch
        {
            null => $"New snapshot: no verified file yet.\n{Paths(files)}",
            _ when verified.Contains('\r') =>
                $"Verified file has CR or CRLF line ends; snapshots must use LF (see .gitattributes).\n{Paths(files)}",
            _ => $"Received text does not match the verified file.\n{Paths(files)}\n{Diff(verified, received)}",
        };
        if (accept == Accept.BlockedByCi)
        {
            message += $"\n{Verifier.AcceptVariable}/AutoVerify ignored because CI=true.";
        }

        throw new VerifyException(message);
    }

    /// <summary>
    /// A unified diff from <paramref name="verified"/> to <paramref name="received"/>. Whitespace counts, and
    /// lines are compared with their line ends, so a missing final newline is a change (shown as in git).
    /// </summary>
    public static string Diff(string verified, string received)
    {
        var result = Differ.Instance.CreateDiffs(
            verified, received, ignoreWhiteSpace: false, ignoreCase: false, LineEndingsPreservingChunker.Instance);

        // The renderer adds its own line end after each piece; pieces keep theirs, so strip them here.
        var lines = new DiffResult(WithoutLineEnds(result.PiecesOld), WithoutLineEnds(result.PiecesNew), result.DiffBlocks);
        return UnidiffRenderer.Instance.Generate(lines, "verified", "received");
    }

    private static string[] WithoutLineEnds(IReadOnlyList<string> pieces) =>
        pieces.Select(piece => piece.EndsWith('\n') ? piece[..^1] : piece + "\n\\ No newline at end of file").ToArray();

    private static string Paths(SnapshotFiles files) =>
        $"Verified: {files.VerifiedPath}\nReceived: {files.ReceivedPath}\n" +
        $"To accept: review the received file, then move it over the verified file or rerun with {Verifier.AcceptVariable}=1.";
}
