using System.Globalization;
using System.Text;

namespace GitRegistry.Search;

/// <summary>
/// A search filter in MLflow's model-version grammar, extended: conditions joined by AND, each a field
/// (<c>name</c>, <c>version_number</c>, <c>run_id</c>, <c>tags.KEY</c>, and here also <c>params.KEY</c>,
/// <c>metrics.SPLIT.METRIC</c>, <c>stage</c>, <c>alias</c>, <c>data.sha256</c>, <c>created_at</c>...), a comparator
/// (<c>= != &lt; &lt;= &gt; &gt;= LIKE ILIKE IN NOT IN</c>) and a value: a string in single or double quotes, a
/// number, or a parenthesized list for IN. Keys with other characters go in backticks (<c>tags.`my key`</c>).
/// A filter that does not parse throws <see cref="FilterSyntaxException"/> naming the column.
/// </summary>
public sealed class SearchFilter
{
    private SearchFilter(string text, IReadOnlyList<SearchCondition> conditions)
    {
        Text = text;
        Conditions = conditions;
    }

    /// <summary>The filter as given.</summary>
    public string Text { get; }

    /// <summary>The conditions, all of which a version must meet.</summary>
    public IReadOnlyList<SearchCondition> Conditions { get; }

    /// <summary>Parses a filter; an empty one matches every version.</summary>
    public static SearchFilter Parse(string? text)
    {
        text ??= "";
        var tokens = new Lexer(text).Tokens();
        var conditions = new List<SearchCondition>();
        var i = 0;
        Token Next() => tokens[i++];
        Token Peek() => tokens[i];
        FilterSyntaxException Fail(Token at, string problem, string? fix = null) => new(text, at.Column, problem, fix);

        if (Peek().Kind == TokenKind.End)
        {
            return new SearchFilter(text, conditions);
        }
        while (true)
        {
            var keyToken = Next();
            if (keyToken.Kind != TokenKind.Identifier)
            {
                throw Fail(keyToken, keyToken.Kind == TokenKind.End ? "the filter ends where a field name should follow" : $"expected a field name, found {keyToken.Describe()}",
                    $"fields: {SearchField.Known}");
            }
            var field = SearchField.Find(keyToken.Text) ?? throw Fail(keyToken, $"'{keyToken.Text}' is not a field a filter knows", $"fields: {SearchField.Known}");

            var opToken = Next();
            Comparator comparator;
            switch (opToken)
            {
                case { Kind: TokenKind.Operator }:
                    comparator = opToken.Text switch
                    {
                        "=" or "==" => Comparator.Equal,
                        "!=" or "<>" => Comparator.NotEqual,
                        "<" => Comparator.Less,
                        "<=" => Comparator.LessOrEqual,
                        ">" => Comparator.Greater,
                        _ => Comparator.GreaterOrEqual,
                    };
                    break;
                case { Kind: TokenKind.Word } when opToken.Is("LIKE"):
                    comparator = Comparator.Like;
                    break;
                case { Kind: TokenKind.Word } when opToken.Is("ILIKE"):
                    comparator = Comparator.ILike;
                    break;
                case { Kind: TokenKind.Word } when opToken.Is("IN"):
                    comparator = Comparator.In;
                    break;
                case { Kind: TokenKind.Word } when opToken.Is("NOT") && Peek().Is("IN"):
                    Next();
                    comparator = Comparator.NotIn;
                    break;
                default:
                    throw Fail(opToken, $"expected a comparison (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN) after {keyToken.Text}, found {opToken.Describe()}");
            }

            var values = new List<object>();
            var valueToken = Peek();
            if (comparator is Comparator.In or Comparator.NotIn)
            {
                var open = Next();
                if (open.Kind != TokenKind.OpenParen)
                {
                    throw Fail(open, $"expected '(' to start the list of values, found {open.Describe()}", "write e.g. run_id IN ('a1b2', 'c3d4')");
                }
                while (true)
                {
                    values.Add(Value(Next()));
                    var separator = Next();
                    if (separator.Kind == TokenKind.CloseParen)
                    {
                        break;
                    }
                    if (separator.Kind != TokenKind.Comma)
                    {
                        throw Fail(separator, $"expected ',' or ')' in the list of values, found {separator.Describe()}");
                    }
                }
            }
            else
            {
                values.Add(Value(Next()));
            }
            Check(field, comparator, values, keyToken, opToken, valueToken);
            conditions.Add(new SearchCondition(field, comparator, values, keyToken.Column));

            var joiner = Next();
            if (joiner.Kind == TokenKind.End)
            {
                break;
            }
            if (joiner.Is("OR"))
            {
                throw Fail(joiner, "OR is not supported: conditions are joined with AND, as in MLflow's filter grammar", "run one search per alternative, or use IN ('a', 'b') for one field");
            }
            if (!joiner.Is("AND"))
            {
                throw Fail(joiner, $"expected AND or the end of the filter, found {joiner.Describe()}");
            }
        }
        return new SearchFilter(text, conditions);

        object Value(Token token) => token.Kind switch
        {
            TokenKind.String => token.Text,
            TokenKind.Number => double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => throw Fail(token, token.Kind == TokenKind.End ? "the filter ends where a value should follow" : $"expected a value (a string in quotes or a number), found {token.Describe()}",
                token.Kind == TokenKind.Identifier ? $"put text in quotes: '{token.Text}'" : null),
        };

        void Check(SearchField field, Comparator comparator, List<object> values, Token key, Token op, Token value)
        {
            var numericOnly = field.Kind is SearchFieldKind.Metric or SearchFieldKind.Version or SearchFieldKind.Number;
            var ordered = comparator is Comparator.Less or Comparator.LessOrEqual or Comparator.Greater or Comparator.GreaterOrEqual;
            var pattern = comparator is Comparator.Like or Comparator.ILike;
            if (numericOnly && pattern)
            {
                throw Fail(op, $"{field} is a number; LIKE and ILIKE compare text");
            }
            if (field.Kind == SearchFieldKind.Metric && comparator is Comparator.In or Comparator.NotIn)
            {
                throw Fail(op, $"{field} is a measured number; compare it with =, !=, <, <=, > or >=");
            }
            if (ordered && field.Kind is SearchFieldKind.Tag or SearchFieldKind.Stage or SearchFieldKind.Alias or SearchFieldKind.Name or SearchFieldKind.RunId
                or SearchFieldKind.SourcePath or SearchFieldKind.Description or SearchFieldKind.CreatedBy or SearchFieldKind.CodeCommit or SearchFieldKind.Text)
            {
                throw Fail(op, $"{field} is text; compare it with =, !=, LIKE, ILIKE, IN or NOT IN");
            }
            if (pattern && values[0] is not string)
            {
                throw Fail(value, "LIKE and ILIKE take a pattern in quotes, such as 'churn%'");
            }
            foreach (var v in values)
            {
                if (numericOnly && v is string s && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw Fail(value, $"{field} is a number, and '{s}' is not");
                }
                if (!numericOnly && field.Kind is not (SearchFieldKind.Param or SearchFieldKind.CreatedAt) && v is double)
                {
                    throw Fail(value, $"{field} is text; put the value in quotes");
                }
                if (field.Kind == SearchFieldKind.CreatedAt && v is string date && SearchDate.Parse(date) is null)
                {
                    throw Fail(value, $"'{date}' is not a date: write '2024-03-01' or '2024-03-01T12:00:00Z' (or epoch milliseconds as a number)");
                }
            }
        }
    }

    private enum TokenKind { Identifier, String, Number, Operator, Word, OpenParen, CloseParen, Comma, End }

    private sealed record Token(TokenKind Kind, string Text, int Column)
    {
        public bool Is(string word) => Kind is TokenKind.Word or TokenKind.Identifier && Text.Equals(word, StringComparison.OrdinalIgnoreCase);

        public string Describe() => Kind switch
        {
            TokenKind.End => "the end of the filter",
            TokenKind.String => $"the string '{Text}'",
            _ => $"'{Text}'",
        };
    }

    private sealed class Lexer(string text)
    {
        private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase) { "AND", "OR", "LIKE", "ILIKE", "IN", "NOT" };
        private int _position;

        public List<Token> Tokens()
        {
            var tokens = new List<Token>();
            while (true)
            {
                while (_position < text.Length && char.IsWhiteSpace(text[_position]))
                {
                    _position++;
                }
                var start = _position + 1;
                if (_position >= text.Length)
                {
                    tokens.Add(new Token(TokenKind.End, "", start));
                    return tokens;
                }
                var c = text[_position];
                if (c is '\'' or '"')
                {
                    tokens.Add(new Token(TokenKind.String, Quoted(c, start), start));
                }
                else if (c == '(' || c == ')' || c == ',')
                {
                    _position++;
                    tokens.Add(new Token(c == '(' ? TokenKind.OpenParen : c == ')' ? TokenKind.CloseParen : TokenKind.Comma, c.ToString(), start));
                }
                else if (c is '=' or '!' or '<' or '>')
                {
                    var op = _position + 1 < text.Length && (text[_position + 1] == '=' || (c == '<' && text[_position + 1] == '>')) ? text.Substring(_position, 2) : c.ToString();
                    if (op == "!")
                    {
                        throw new FilterSyntaxException(text, start, "'!' must be followed by '=' (write != for 'not equal')");
                    }
                    _position += op.Length;
                    tokens.Add(new Token(TokenKind.Operator, op, start));
                }
                else if (char.IsAsciiDigit(c) || ((c is '-' or '+' or '.') && _position + 1 < text.Length && (char.IsAsciiDigit(text[_position + 1]) || text[_position + 1] == '.')))
                {
                    tokens.Add(new Token(TokenKind.Number, Number(start), start));
                }
                else if (char.IsLetter(c) || c is '_' or '`')
                {
                    var identifier = Identifier(start);
                    tokens.Add(new Token(Words.Contains(identifier) ? TokenKind.Word : TokenKind.Identifier, identifier, start));
                }
                else
                {
                    throw new FilterSyntaxException(text, start, $"unexpected character '{c}'");
                }
            }
        }

        private string Quoted(char quote, int start)
        {
            var value = new StringBuilder();
            _position++;
            while (true)
            {
                if (_position >= text.Length)
                {
                    throw new FilterSyntaxException(text, start, $"the string starting here has no closing {quote}");
                }
                var c = text[_position++];
                if (c == '\\' && _position < text.Length)
                {
                    value.Append(text[_position++]);
                }
                else if (c == quote && _position < text.Length && text[_position] == quote)
                {
                    value.Append(quote);
                    _position++;
                }
                else if (c == quote)
                {
                    return value.ToString();
                }
                else
                {
                    value.Append(c);
                }
            }
        }

        private string Number(int start)
        {
            var begin = _position;
            if (text[_position] is '-' or '+')
            {
                _position++;
            }
            while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.'
                || ((text[_position] is 'e' or 'E') && _position + 1 < text.Length && (char.IsAsciiDigit(text[_position + 1]) || text[_position + 1] is '-' or '+'))
                || ((text[_position] is '-' or '+') && text[_position - 1] is 'e' or 'E')))
            {
                _position++;
            }
            var number = text[begin.._position];
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw new FilterSyntaxException(text, start, $"'{number}' is not a number");
            }
            if (_position < text.Length && (char.IsLetter(text[_position]) || text[_position] == '_'))
            {
                throw new FilterSyntaxException(text, _position + 1, $"unexpected '{text[_position]}' after the number {number}");
            }
            return number;
        }

        /// <summary>A key: letters, digits and <c>_ . - @ : /</c>, with segments in backticks for any other characters.</summary>
        private string Identifier(int start)
        {
            var value = new StringBuilder();
            while (_position < text.Length)
            {
                var c = text[_position];
                if (c == '`')
                {
                    var close = text.IndexOf('`', _position + 1);
                    if (close < 0)
                    {
                        throw new FilterSyntaxException(text, _position + 1, "the key in backticks starting here has no closing `");
                    }
                    value.Append(text, _position + 1, close - _position - 1);
                    _position = close + 1;
                }
                else if (char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '@' or ':' or '/')
                {
                    value.Append(c);
                    _position++;
                }
                else
                {
                    break;
                }
            }
            return value.ToString();
        }
    }
}
