using System.Text;
using Xunit;

namespace GitRegistry.Tests.Signing;

/// <summary>What a child process did.</summary>
public sealed record ToolResult(string Command, int ExitCode, byte[] Output, string Error)
{
    /// <summary>Standard output as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Output);

    /// <summary>Fails the test, with the command's output, unless it exited 0; returns this for chaining.</summary>
    public ToolResult ShouldSucceed()
    {
        Assert.True(ExitCode == 0, $"'{Command}' exited {ExitCode}: {Error}{Text}");
        return this;
    }
}
