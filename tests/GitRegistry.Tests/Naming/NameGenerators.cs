using FsCheck;
using FsCheck.Fluent;

namespace GitRegistry.Tests.Naming;

/// <summary>
/// Strings near the edges of the naming rules: mostly allowed characters, with a few that are not (upper case,
/// spaces, separators, line breaks, look-alike Unicode), lengths around the 64-character limit, and the
/// reserved words. Uniformly random strings would almost never be valid names, so they would test one side only.
/// </summary>
public static class NameGenerators
{
    private static readonly char[] Allowed = "abcxyz0189_.-".ToCharArray();

    private static readonly char[] Disallowed = ['A', 'Z', ' ', '\n', '\r', '\t', '\0', '/', '\\', '@', ':', '*', '~', 'é', 'ı', '\u212a', '٣', '\u00a0', '\u2028'];

    private static readonly string[] Reserved = ["latest", "v1", "v007", "v", "va1", "latest\n", "v1\n", "Latest", "..", ".", "a..b", "_"];

    /// <summary>Candidates for model, alias and stage names.</summary>
    public static Arbitrary<NameCandidate> Names()
    {
        var character = Gen.Frequency(
            (40, Gen.Elements(Allowed)),
            (1, Gen.Elements(Disallowed)));
        var length = Gen.Frequency((6, Gen.Choose(1, 12)), (2, Gen.Choose(60, 68)), (1, Gen.Constant(0)));
        var composed = length.SelectMany(n => character.ArrayOf(n)).Select(chars => new string(chars));
        var withSuffix = composed.SelectMany(s => Gen.Elements("", "", "", "\n", "\r\n", " ").Select(suffix => s + suffix));
        var reserved = Gen.Elements(Reserved);
        var any = ArbMap.Default.GeneratorFor<string>().Where(s => s is not null);
        var value = Gen.Frequency((12, withSuffix), (2, reserved), (2, any));
        return value.Select(v => new NameCandidate(v)).ToArbitrary();
    }
}
