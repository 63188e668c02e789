using Polly;
using Polly.Retry;

namespace GitRegistry.Stores;

/// <summary>
/// Reads an artifact from a store as a stream, hashing while streaming, into a <c>.partial</c> file that is renamed
/// to the destination only when its sha256 and size match. A transient failure (as the store judges it) restarts
/// the read from the beginning, with exponential backoff; the partial file never survives a failure.
/// </summary>
internal static class VerifiedTransfer
{
    /// <summary>The first retry's delay; later ones double, with jitter. Tests shorten it.</summary>
    internal static TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a transient failure is retried.</summary>
    internal const int MaxRetries = 4;

    /// <summary>A retry pipeline for one store's notion of a transient failure.</summary>
    public static ResiliencePipeline Retry(Func<Exception, bool> isTransient) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not RegistryException && e is not OperationCanceledException { CancellationToken.IsCancellationRequested: true } && isTransient(e)),
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = RetryDelay,
            })
            .Build();

    /// <summary>Copies the stream that <paramref name="open"/> returns to <paramref name="destinationFile"/>, or leaves nothing there.</summary>
    public static void ToFile(ResiliencePipeline retry, Func<Stream> open, string uri, string sha256, long size, string destinationFile, IProgress<long>? progress, string? corruptFix = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destinationFile))!);
        var partial = destinationFile + ".partial";
        try
        {
            Reading(uri, () => retry.Execute(() =>
            {
                File.Delete(partial);
                string actual;
                long actualSize;
                using (var source = open())
                {
                    (actual, actualSize) = HashingCopy.ToFile(source, partial, progress);
                }
                if (actual != sha256 || actualSize != size)
                {
                    throw Corrupt(uri, sha256, size, actual, actualSize, corruptFix);
                }
                return 0;
            }));
            File.Move(partial, destinationFile, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Reads the whole stream once and returns its sha256 and size, keeping nothing.</summary>
    public static (string Sha256, long Size) Measure(ResiliencePipeline retry, string uri, Func<Stream> open, IProgress<long>? progress) =>
        Reading(uri, () => retry.Execute(() =>
        {
            using var source = open();
            return HashingCopy.OfStream(source, progress);
        }));

    /// <summary>Runs a read; a failure that outlived the retries becomes one the user can act on.</summary>
    public static T Reading<T>(string uri, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not RegistryException and not OperationCanceledException { CancellationToken.IsCancellationRequested: true })
        {
            throw new RegistryException(ErrorKind.Artifact, $"reading the artifact {uri} failed after {MaxRetries} retries: {e.Message}",
                "the store was unreachable or the connection kept dropping; check the network and the store, then run the command again", e);
        }
    }

    public static RegistryException Corrupt(string uri, string sha256, long size, string actual, long actualSize, string? fix = null) =>
        new(ErrorKind.Artifact,
            $"the artifact {uri} is corrupt: its bytes hash to {actual} ({actualSize} bytes), the manifest says {sha256} ({size} bytes)",
            fix ?? "the stored bytes were changed or truncated; upload the original file again to the same place, or register the model again");
}
