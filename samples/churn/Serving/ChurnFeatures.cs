using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML.Data;

namespace Serving;

/// <summary>
/// One customer's features: the JSON body of <c>POST /predict</c> and the input row of the ML.NET pipeline (the
/// column names are the registered signature's, the same as in samples/churn/Train).
/// </summary>
public sealed class ChurnFeatures
{
    private static readonly string[] Contracts = ["month-to-month", "one-year", "two-year"];
    private static readonly string[] PaymentMethods = ["electronic-check", "mailed-check", "bank-transfer", "credit-card"];
    private static readonly string[] InternetServices = ["dsl", "fiber", "none"];

    [JsonPropertyName("tenure_months"), ColumnName("tenure_months")]
    public float TenureMonths { get; set; }

    [JsonPropertyName("monthly_charges"), ColumnName("monthly_charges")]
    public float MonthlyCharges { get; set; }

    [JsonPropertyName("total_charges"), ColumnName("total_charges")]
    public float TotalCharges { get; set; }

    [JsonPropertyName("support_calls"), ColumnName("support_calls")]
    public float SupportCalls { get; set; }

    [JsonPropertyName("senior_citizen"), ColumnName("senior_citizen")]
    public bool SeniorCitizen { get; set; }

    /// <summary>month-to-month, one-year or two-year.</summary>
    [JsonPropertyName("contract"), ColumnName("contract")]
    public string Contract { get; set; } = "";

    /// <summary>electronic-check, mailed-check, bank-transfer or credit-card.</summary>
    [JsonPropertyName("payment_method"), ColumnName("payment_method")]
    public string PaymentMethod { get; set; } = "";

    /// <summary>dsl, fiber or none.</summary>
    [JsonPropertyName("internet_service"), ColumnName("internet_service")]
    public string InternetService { get; set; } = "";

    /// <summary>
    /// Reads the features from a JSON body, collecting one error per missing or wrong-typed field (keyed by the
    /// field's name, as problem details' <c>errors</c>), instead of stopping at the first.
    /// </summary>
    public static ChurnFeatures? Read(JsonElement body, Dictionary<string, string[]> errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["must be a JSON object of the features"];
            return null;
        }
        var features = new ChurnFeatures
        {
            TenureMonths = Number(body, "tenure_months", errors),
            MonthlyCharges = Number(body, "monthly_charges", errors),
            TotalCharges = Number(body, "total_charges", errors),
            SupportCalls = Number(body, "support_calls", errors),
            SeniorCitizen = Boolean(body, "senior_citizen", errors),
            Contract = OneOf(body, "contract", Contracts, errors),
            PaymentMethod = OneOf(body, "payment_method", PaymentMethods, errors),
            InternetService = OneOf(body, "internet_service", InternetServices, errors),
        };
        return errors.Count == 0 ? features : null;
    }

    private static float Number(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (Field(body, name, errors) is not { } value)
        {
            return 0;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetSingle(out var number) || !float.IsFinite(number) || number < 0)
        {
            errors[name] = [$"must be a non-negative number, got {Describe(value)}"];
            return 0;
        }
        return number;
    }

    private static bool Boolean(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (Field(body, name, errors) is not { } value)
        {
            return false;
        }
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors[name] = [$"must be true or false, got {Describe(value)}"];
            return false;
        }
        return value.GetBoolean();
    }

    private static string OneOf(JsonElement body, string name, string[] allowed, Dictionary<string, string[]> errors)
    {
        if (Field(body, name, errors) is not { } value)
        {
            return "";
        }
        if (value.ValueKind != JsonValueKind.String || !allowed.Contains(value.GetString()))
        {
            errors[name] = [$"must be one of {string.Join(", ", allowed)}, got {Describe(value)}"];
            return "";
        }
        return value.GetString()!;
    }

    private static JsonElement? Field(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }
        errors[name] = ["is required"];
        return null;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };
}
