using Spectre.Console;

namespace GitRegistry.Cli.Output;

/// <summary>Shows a byte progress bar (size, rate, time left) for a long transfer, only on an interactive terminal.</summary>
internal static class ProgressReporter
{
    private const long MinimumSize = 8L * 1024 * 1024;

    public static T Run<T>(CliOutput output, string description, long totalBytes, Func<IProgress<long>?, T> transfer)
    {
        if (!output.Interactive || totalBytes < MinimumSize)
        {
            return transfer(null);
        }
        return output.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(description, maxValue: totalBytes);
                return transfer(new Progress<long>(done => task.Value = done));
            });
    }
}
