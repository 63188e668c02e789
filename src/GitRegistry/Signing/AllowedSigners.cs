namespace GitRegistry.Signing;

/// <summary>
/// An allowed-signers file as git (<c>gpg.ssh.allowedSignersFile</c>) and OpenSSH (<c>ssh-keygen -Y verify</c>)
/// read it: one signer per line, <c>principal[,principal...] [options] keytype base64key [comment]</c>, with
/// <c>#</c> comments and blank lines. Options: <c>namespaces="git,file"</c>, <c>valid-after="YYYYMMDD[HHMM[SS]][Z]"</c>,
/// <c>valid-before=...</c>, <c>cert-authority</c>. Lines OpenSSH cannot read are skipped, as it skips them, and
/// listed in <see cref="Problems"/>.
/// </summary>
/// <remarks>
/// Times without <c>Z</c> (or <c>UTC</c>) are local times, as in OpenSSH, read in the zone given to
/// <see cref="Parse"/> (the machine's by default) with daylight saving applied. ssh-keygen alone reads them as
/// local standard time, but git hands it the commit time as local wall-clock time, read back the same way, so git
/// in effect compares wall-clock times: this gives the same answers, except within the hour repeated when clocks
/// go back (and for times with <c>Z</c>, where git is an hour off during summer time, this is exact). Certificate
/// keys (<c>cert-authority</c> lines) are parsed but never match the plain keys this class is asked about.
/// </remarks>
public sealed class AllowedSigners
{
    private const string Whitespace = " \t\r\n";

    private AllowedSigners(IReadOnlyList<AllowedSigner> signers, IReadOnlyList<AllowedSignersProblem> problems)
    {
        Signers = signers;
        Problems = problems;
    }

    /// <summary>The lines that were read, in file order.</summary>
    public IReadOnlyList<AllowedSigner> Signers { get; }

    /// <summary>The lines that were skipped, and why.</summary>
    public IReadOnlyList<AllowedSignersProblem> Problems { get; }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">The allowed-signers file.</param>
    /// <param name="localTimeZone">The zone for times written without <c>Z</c>; the machine's when null.</param>
    /// <exception cref="RegistryException">The file does not exist or cannot be read.</exception>
    public static AllowedSigners Load(string path, TimeZoneInfo? localTimeZone = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RegistryException(ErrorKind.Signing, $"cannot read the allowed signers file '{path}': {e.Message}",
                "point git config gpg.ssh.allowedSignersFile at a file of 'email keytype key' lines", e);
        }
        return Parse(text, localTimeZone);
    }

    /// <summary>Reads allowed-signers text.</summary>
    /// <param name="text">The file's contents.</param>
    /// <param name="localTimeZone">The zone for times written without <c>Z</c>; the machine's when null.</param>
    public static AllowedSigners Parse(string text, TimeZoneInfo? localTimeZone = null)
    {
        var zone = localTimeZone ?? TimeZoneInfo.Local;
        var signers = new List<AllowedSigner>();
        var problems = new List<AllowedSignersProblem>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            try
            {
                if (ParseLine(index + 1, line, zone) is { } signer)
                {
                    signers.Add(signer);
                }
            }
            catch (FormatException e)
            {
                problems.Add(new AllowedSignersProblem(index + 1, e.Message));
            }
        }
        return new AllowedSigners(signers, problems);
    }

    /// <summary>The lines that list <paramref name="key"/> itself (not as a certificate authority), in file order.</summary>
    public IReadOnlyList<AllowedSigner> SignersWithKey(SshPublicKey key) =>
        Signers.Where(s => !s.IsCertificateAuthority && s.Key.Equals(key)).ToList();

    /// <summary>
    /// Who owns <paramref name="key"/> at <paramref name="time"/>, as <c>ssh-keygen -Y find-principals
    /// -Overify-time</c> answers (and git asks first): the principals, as written, of the first line that lists the
    /// key and is in force then. Namespaces are not considered here. Empty when no line qualifies.
    /// </summary>
    public IReadOnlyList<string> FindPrincipals(SshPublicKey key, DateTimeOffset time) =>
        SignersWithKey(key).FirstOrDefault(s => s.CheckTime(time) == SignerAuthorization.Allowed)?.Principals ?? [];

    /// <summary>
    /// Whether <paramref name="principal"/> may sign with <paramref name="key"/> for <paramref name="signatureNamespace"/>
    /// at <paramref name="time"/>, as <c>ssh-keygen -Y verify -I principal -n namespace -Overify-time</c> decides:
    /// allowed when any line matching the principal and key allows it; otherwise the reason from the first such
    /// line, or <see cref="SignerAuthorization.UnknownKey"/> when there is none.
    /// </summary>
    public SignerAuthorization Authorize(string principal, SshPublicKey key, string signatureNamespace, DateTimeOffset time)
    {
        SignerAuthorization? firstFailure = null;
        foreach (var signer in SignersWithKey(key))
        {
            if (!signer.MatchesPrincipal(principal))
            {
                continue;
            }
            var verdict = signer.AllowsNamespace(signatureNamespace) ? signer.CheckTime(time) : SignerAuthorization.WrongNamespace;
            if (verdict == SignerAuthorization.Allowed)
            {
                return verdict;
            }
            firstFailure ??= verdict;
        }
        return firstFailure ?? SignerAuthorization.UnknownKey;
    }

    /// <summary>One line, following OpenSSH's sshsig.c; null for blank and comment lines.</summary>
    private static AllowedSigner? ParseLine(int number, string line, TimeZoneInfo zone)
    {
        var rest = line.TrimStart(' ', '\t');
        if (rest.Length == 0 || rest[0] == '#')
        {
            return null;
        }

        // The principals: up to whitespace, or a quoted stretch when a quote comes first.
        var stop = rest.IndexOfAny((Whitespace + "\"").ToCharArray());
        if (stop < 0)
        {
            throw new FormatException("invalid line: no key after the principals");
        }
        string principals;
        if (rest[stop] == '"')
        {
            var close = rest.IndexOf('"', stop + 1);
            if (close < 0)
            {
                throw new FormatException("invalid line: unterminated quote in the principals");
            }
            principals = rest[..stop] + rest[(stop + 1)..close];
            rest = rest[(close + 1)..].TrimStart(Whitespace.ToCharArray());
        }
        else
        {
            principals = rest[..stop];
            rest = rest[(stop + 1)..].TrimStart(Whitespace.ToCharArray());
        }

        // Then either the key, or options followed by the key.
        var options = "";
        var firstToken = rest.Split([' ', '\t'], 2)[0];
        if (!SshPublicKey.IsKnownType(firstToken))
        {
            var end = EndOfOptions(rest);
            if (end < 0)
            {
                throw new FormatException("invalid options: unterminated quote");
            }
            if (end == rest.Length)
            {
                throw new FormatException("missing key");
            }
            options = rest[..end];
            rest = rest[(end + 1)..].TrimStart(' ', '\t');
        }
        SshPublicKey key;
        try
        {
            key = SshPublicKey.Parse(rest);
        }
        catch (FormatException e)
        {
            throw new FormatException("invalid key: " + e.Message);
        }
        return ParseOptions(number, principals, key, options, zone);
    }

    /// <summary>Where the options end: the first space or tab outside quotes; -1 when a quote is left open.</summary>
    private static int EndOfOptions(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '"')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && text[i] is ' ' or '\t')
            {
                return i;
            }
        }
        return quoted ? -1 : text.Length;
    }

    /// <summary>The comma-separated options (OpenSSH's <c>sshsigopt_parse</c>): names are case-insensitive, values quoted.</summary>
    private static AllowedSigner ParseOptions(int number, string principals, SshPublicKey key, string options, TimeZoneInfo zone)
    {
        var authority = false;
        string? namespaces = null;
        DateTimeOffset? validAfter = null, validBefore = null;
        var position = 0;
        while (position < options.Length)
        {
            if (string.Compare(options, position, "cert-authority", 0, "cert-authority".Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                authority = true;
                position += "cert-authority".Length;
            }
            else if (TakeName(options, ref position, "namespaces"))
            {
                if (namespaces is not null)
                {
                    throw new FormatException("bad options: multiple \"namespaces\" clauses");
                }
                namespaces = TakeQuoted(options, ref position);
            }
            else if (TakeName(options, ref position, "valid-after"))
            {
                if (validAfter is not null)
                {
                    throw new FormatException("bad options: multiple \"valid-after\" clauses");
                }
                validAfter = OpenSshTime.Parse(TakeQuoted(options, ref position), zone)
                    ?? throw new FormatException("bad options: invalid \"valid-after\" time");
            }
            else if (TakeName(options, ref position, "valid-before"))
            {
                if (validBefore is not null)
                {
                    throw new FormatException("bad options: multiple \"valid-before\" clauses");
                }
                validBefore = OpenSshTime.Parse(TakeQuoted(options, ref position), zone)
                    ?? throw new FormatException("bad options: invalid \"valid-before\" time");
            }
            if (position == options.Length)
            {
                break;
            }
            if (options[position] != ',')
            {
                throw new FormatException("bad options: unknown key option");
            }
            position++;
            if (position == options.Length)
            {
                throw new FormatException("bad options: unexpected end-of-options");
            }
        }
        if (validAfter is { } after && validBefore is { } before && before <= after)
        {
            throw new FormatException("bad options: \"valid-before\" time is before \"valid-after\"");
        }
        return new AllowedSigner(number, principals, key, authority, namespaces, validAfter, validBefore);
    }

    private static bool TakeName(string options, ref int position, string name)
    {
        if (string.Compare(options, position, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
            && position + name.Length < options.Length && options[position + name.Length] == '=')
        {
            position += name.Length + 1;
            return true;
        }
        return false;
    }

    /// <summary>A double-quoted value, in which <c>\"</c> stands for a quote.</summary>
    private static string TakeQuoted(string options, ref int position)
    {
        if (position >= options.Length || options[position] != '"')
        {
            throw new FormatException("bad options: missing start quote");
        }
        var value = new System.Text.StringBuilder();
        var i = position + 1;
        for (; i < options.Length && options[i] != '"'; i++)
        {
            if (options[i] == '\\' && i + 1 < options.Length && options[i + 1] == '"')
            {
                i++;
            }
            value.Append(options[i]);
        }
        if (i == options.Length)
        {
            throw new FormatException("bad options: missing end quote");
        }
        position = i + 1;
        return value.ToString();
    }
}
