using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace GitRegistry.Cli.Output;

/// <summary>
/// Where a command prints: readable text and tables for people, or exactly one JSON document on stdout for
/// scripts (<c>--json</c>), with errors as JSON on stderr.
/// </summary>
internal sealed class CliOutput
{
    public CliOutput(bool json, bool verbose, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        Json = json;
        Verbose = verbose;
        Out = stdout ?? System.Console.Out;
        Error = stderr ?? System.Console.Error;
        var redirected = stdout is not null || System.Console.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            // Piped output is read by tools and logs: do not wrap tables at 80 columns.
            Console.Profile.Width = 200;
        }
        Interactive = !redirected && !json && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
    }

    public bool Json { get; }

    public bool Verbose { get; }

    /// <summary>True when a person watches a terminal: progress bars are shown only then.</summary>
    public bool Interactive { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Console { get; }

    public void WriteJson(JToken document) => Out.WriteLine(document.ToString(Formatting.Indented));

    public void Line(string text) => Console.MarkupLine(text);

    public void Plain(string text) => Out.WriteLine(text);

    public static string Escape(string? text) => Markup.Escape(text ?? "");
}
