using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Transfer;
using Azure.Storage.Blobs;
using GitRegistry.Configuration;
using GitRegistry.Stores;

namespace GitRegistry.Bench;

/// <summary>
/// Throughput of a large artifact: put into and fetched from the local store, Azurite and s3rver, against cp and
/// against the SDK calls a script would make naively (BlobClient.Upload/DownloadTo, TransferUtility.Upload/Download,
/// default options, no hashing); and the streaming sha256 against sha256sum. Writes the bench:stores section of
/// docs/benchmarks.md. The servers come from tests/GitRegistry.Tests/servers (npm ci there).
/// </summary>
internal static class StoreBenchmark
{
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static string Servers => Path.Combine(Measure.RepositoryRoot, "tests", "GitRegistry.Tests", "servers");

    public static void Run(long megabytes)
    {
        var folder = Directory.CreateTempSubdirectory("gitreg-store-bench-").FullName;
        var rows = new StringBuilder();
        var notes = new List<string>();
        var loadBefore = Measure.Load();
        try
        {
            var size = megabytes << 20;
            var source = Path.Combine(folder, "model.bin");
            Write(source, size);
            Shell("sync");
            var sha256 = HashingCopy.OfFile(source).Sha256;
            void Row(string name, Action action) => rows.AppendLine(Time(name, size, action));
            string Out(string name) => Path.Combine(folder, "out-" + name, "model.bin");

            Row("cp (baseline)", () => Shell("cp", source, Path.Combine(folder, "copy.bin")));
            File.Delete(Path.Combine(folder, "copy.bin"));
            Row("sha256sum (baseline)", () => Shell("sha256sum", source));
            Row("gitreg sha256 (HashingCopy.OfFile)", () => HashingCopy.OfFile(source));

            var local = new LocalArtifactStore(Path.Combine(folder, "store"));
            StoredArtifact stored = null!;
            Row("local store put (hash + copy + fsync + rename)", () => stored = local.Put(source));
            Row("local store fetch (copy + verify + fsync)", () => local.Fetch(stored.Uri, stored.Sha256, stored.Size, Out("local")));
            Directory.Delete(Path.Combine(folder, "store"), recursive: true);
            Directory.Delete(Path.GetDirectoryName(Out("local"))!, recursive: true);

            using (var azurite = new NodeServer(folder, "azurite-blob", port =>
                ["--blobHost", "127.0.0.1", "--blobPort", port, "--location", "{data}", "--silent", "--skipApiVersionCheck", "--loose"]))
            {
                var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};BlobEndpoint=http://127.0.0.1:{azurite.Port}/devstoreaccount1;";
                Environment.SetEnvironmentVariable("GITREG_BENCH_AZURITE", connection);
                new BlobContainerClient(connection, "bench").Create();
                var naive = new BlobClient(connection, "bench", "naive/model.bin");
                Row("Azurite: naive `BlobClient.Upload(path)` (SDK defaults, no hash)", () => naive.Upload(source));
                var azure = new AzureBlobArtifactStore(new ArtifactStoreConfig { Type = "azblob", Container = "bench", ConnectionStringVariable = "GITREG_BENCH_AZURITE" });
                Row("Azurite: gitreg put (hash, then 8 MB blocks, 4 in flight)", () => stored = azure.Put(source));
                Directory.CreateDirectory(Path.GetDirectoryName(Out("naive-azure"))!);
                Row("Azurite: naive `BlobClient.DownloadTo(path)` (SDK defaults, no hash)", () => naive.DownloadTo(Out("naive-azure")));
                notes.Add(Check("BlobClient.DownloadTo", Out("naive-azure"), sha256));
                File.Delete(Out("naive-azure"));
                Row("Azurite: gitreg fetch (stream + verify)", () => azure.Fetch(stored.Uri, stored.Sha256, stored.Size, Out("azure")));
                File.Delete(Out("azure"));
            }

            if (!File.Exists(Path.Combine(Servers, "node_modules", ".bin", "s3rver")))
            {
                notes.Add("s3rver is not installed (npm ci in tests/GitRegistry.Tests/servers): no S3 rows.");
            }
            else
            {
                using var s3rver = new NodeServer(folder, "s3rver", port => ["-d", "{data}", "-a", "127.0.0.1", "-p", port, "--silent", "--no-vhost-buckets"]);
                var endpoint = $"http://127.0.0.1:{s3rver.Port}";
                Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "S3RVER");
                Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "S3RVER");
                // What a script pointing the SDK at an S3-compatible server sets; everything else is the SDK's default.
                using var client = new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"),
                    new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
                client.PutBucketAsync("bench").GetAwaiter().GetResult();
                using var transfer = new TransferUtility(client);
                Row("s3rver: naive `TransferUtility.Upload` (SDK defaults, no hash)", () => transfer.Upload(source, "bench", "naive/default.bin"));
                var defaultLength = client.GetObjectMetadataAsync("bench", "naive/default.bin").GetAwaiter().GetResult().ContentLength;
                if (defaultLength != size)
                {
                    notes.Add($"**TransferUtility.Upload with SDK defaults stored {defaultLength:N0} bytes for a {size:N0}-byte file on s3rver**: the SDK sends aws-chunked bodies " +
                        "(signed chunks, with a checksum trailer by default) and s3rver 3.7.1 keeps the chunk framing as object bytes. TransferUtility cannot send plain bodies " +
                        "over http (`DisablePayloadSigning` is refused without TLS), so the naive download row reads the object gitreg put.");
                }
                var s3 = new S3ArtifactStore(new ArtifactStoreConfig { Type = "s3", Bucket = "bench", Endpoint = endpoint, ForcePathStyle = true });
                Row("s3rver: gitreg put (hash, then 8 MB parts, 4 in flight)", () => stored = s3.Put(source));
                Row("s3rver: naive `TransferUtility.Download` (SDK defaults, no hash) of gitreg's object", () => transfer.Download(Out("naive-s3"), "bench", stored.Uri["s3://bench/".Length..]));
                notes.Add(Check("TransferUtility.Download", Out("naive-s3"), sha256));
                File.Delete(Out("naive-s3"));
                Row("s3rver: gitreg fetch (stream + verify)", () => s3.Fetch(stored.Uri, stored.Sha256, stored.Size, Out("s3")));
                File.Delete(Out("s3"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Measure.Report("stores", $"""
            ## Artifact stores: {megabytes} MB through the local store, Azurite and s3rver, against cp, sha256sum and naive SDK calls

            ```sh
            (cd tests/GitRegistry.Tests/servers && npm ci)      # Azurite, s3rver
            dotnet run -c Release --project bench/GitRegistry.Bench -- stores {megabytes}
            ```

            Machine: {Measure.Machine()}; Azurite {PackageVersion("azurite")} and s3rver {PackageVersion("s3rver")} on Node {NodeVersion()}, on loopback.
            One run of each, {DateTime.UtcNow:yyyy-MM-dd}. Load average (`uptime`: 1, 5, 15 min) {loadBefore} before and {Measure.Load()} after
            (the machine is shared with other builds: treat the figures as pessimistic). The file is random bytes written and
            flushed (`sync`) just before the runs. The naive rows are the SDK calls a script would make, with default options: they check no sha256.

            | operation | seconds | MB/s |
            |---|---|---|
            {rows.ToString().TrimEnd()}

            {string.Join("\n", notes.Where(n => n.Length > 0))}
            """);
    }

    private static string Time(string name, long size, Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        var seconds = watch.Elapsed.TotalSeconds;
        var line = string.Create(CultureInfo.InvariantCulture, $"| {name} | {seconds:F1} | {size / 1048576.0 / seconds:F0} |");
        Console.WriteLine(line);
        return line;
    }

    /// <summary>Hashes what a naive download wrote (after the timing): the SDK calls themselves check nothing.</summary>
    private static string Check(string call, string file, string sha256)
    {
        var got = HashingCopy.OfFile(file);
        return got.Sha256 == sha256
            ? $"The bytes {call} wrote hash to the file's sha256 (checked after timing)."
            : $"**{call} wrote different bytes** ({got.Size} bytes, sha256 {got.Sha256[..12]}…): the upload with SDK defaults did not round-trip on this server.";
    }

    private static void Write(string path, long size)
    {
        var chunk = new byte[1 << 20];
        using var output = File.Create(path);
        for (long written = 0; written < size; written += chunk.Length)
        {
            RandomNumberGenerator.Fill(chunk);
            output.Write(chunk);
        }
    }

    private static void Shell(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false, RedirectStandardOutput = true })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
    }

    private static string PackageVersion(string package) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Servers, "node_modules", package, "package.json"))).RootElement.GetProperty("version").GetString()!;

    private static string NodeVersion()
    {
        using var process = Process.Start(new ProcessStartInfo("node", ["--version"]) { UseShellExecute = false, RedirectStandardOutput = true })!;
        return process.StandardOutput.ReadToEnd().Trim();
    }

    /// <summary>A server from tests/GitRegistry.Tests/servers on a free loopback port; "{data}" in its arguments is its data folder.</summary>
    private sealed class NodeServer : IDisposable
    {
        private readonly Process _process;

        public NodeServer(string folder, string tool, Func<string, string[]> arguments)
        {
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            var data = Path.Combine(folder, tool);
            Directory.CreateDirectory(data);
            var start = new ProcessStartInfo(Path.Combine(Servers, "node_modules", ".bin", tool)) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments(Port.ToString(CultureInfo.InvariantCulture)))
            {
                start.ArgumentList.Add(argument.Replace("{data}", data, StringComparison.Ordinal));
            }
            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            for (var i = 0; ; i++)
            {
                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Loopback, Port);
                    return;
                }
                catch (SocketException) when (i < 600)
                {
                    Thread.Sleep(100);
                }
            }
        }

        public int Port { get; }

        public void Dispose()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            _process.Dispose();
        }
    }
}
