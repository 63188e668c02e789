using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using GitRegistry.Configuration;
using GitRegistry.Stores;

namespace GitRegistry.Bench;

/// <summary>
/// Throughput of a large artifact: put into and fetched from the local store and Azurite, against cp; and the
/// streaming sha256 against sha256sum. Azurite comes from tests/GitRegistry.Tests/servers (npm ci there).
/// </summary>
internal static class StoreBenchmark
{
    public static void Run(long megabytes)
    {
        var folder = Directory.CreateTempSubdirectory("gitreg-store-bench-").FullName;
        try
        {
            var size = megabytes << 20;
            var source = Path.Combine(folder, "model.bin");
            Write(source, size);
            Console.WriteLine($"file: {megabytes} MB of random bytes; machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
            Console.WriteLine("| operation | seconds | MB/s |");
            Console.WriteLine("|---|---|---|");
            Row("cp (baseline)", size, () => Shell("cp", source, Path.Combine(folder, "copy.bin")));
            File.Delete(Path.Combine(folder, "copy.bin"));
            Row("sha256sum (baseline)", size, () => Shell("sha256sum", source));
            Row("gitreg sha256 (HashingCopy.OfFile)", size, () => HashingCopy.OfFile(source));

            var local = new LocalArtifactStore(Path.Combine(folder, "store"));
            StoredArtifact stored = null!;
            Row("local store put (hash + copy + rename)", size, () => stored = local.Put(source));
            Row("local store fetch (copy + verify)", size, () => local.Fetch(stored.Uri, stored.Sha256, stored.Size, Path.Combine(folder, "out-local", "model.bin")));
            Directory.Delete(Path.Combine(folder, "out-local"), recursive: true);

            var port = FreePort();
            var data = Path.Combine(folder, "azurite");
            Directory.CreateDirectory(data);
            var azurite = Process.Start(new ProcessStartInfo(Path.Combine(Measure.RepositoryRoot, "tests", "GitRegistry.Tests", "servers", "node_modules", ".bin", "azurite-blob"),
                ["--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture), "--location", data, "--silent", "--skipApiVersionCheck", "--loose"])
                { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
            try
            {
                WaitFor(port);
                const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
                Environment.SetEnvironmentVariable("GITREG_BENCH_AZURITE", $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;");
                var config = new ArtifactStoreConfig { Type = "azblob", Container = "bench", ConnectionStringVariable = "GITREG_BENCH_AZURITE" };
                new Azure.Storage.Blobs.BlobContainerClient(Environment.GetEnvironmentVariable("GITREG_BENCH_AZURITE"), "bench").Create();
                var azure = new AzureBlobArtifactStore(config);
                Row("Azurite put (hash, then 8 MB blocks x4)", size, () => stored = azure.Put(source));
                Row("Azurite fetch (stream + verify)", size, () => azure.Fetch(stored.Uri, stored.Sha256, stored.Size, Path.Combine(folder, "out-azure", "model.bin")));
            }
            finally
            {
                azurite.Kill(entireProcessTree: true);
                azurite.WaitForExit();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Row(string name, long size, Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {seconds:F1} | {size / 1048576.0 / seconds:F0} |"));
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitFor(int port)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new InvalidOperationException("azurite did not start");
    }
}
