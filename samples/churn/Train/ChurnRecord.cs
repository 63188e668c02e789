using Microsoft.ML.Data;

namespace GitRegistry.Samples.Churn;

/// <summary>
/// One customer as of the snapshot date: the model's input columns (snake_case, as the serving API and the
/// registered signature name them) and the label.
/// </summary>
public sealed class ChurnRecord
{
    /// <summary>The input columns and their signature types, in order.</summary>
    public static readonly (string Name, string Type)[] Inputs =
    [
        ("tenure_months", "float"),
        ("monthly_charges", "float"),
        ("total_charges", "float"),
        ("support_calls", "float"),
        ("senior_citizen", "boolean"),
        ("contract", "string"),
        ("payment_method", "string"),
        ("internet_service", "string"),
    ];

    public static readonly string[] Contracts = ["month-to-month", "one-year", "two-year"];

    public static readonly string[] PaymentMethods = ["electronic-check", "mailed-check", "bank-transfer", "credit-card"];

    public static readonly string[] InternetServices = ["dsl", "fiber", "none"];

    [ColumnName("tenure_months")]
    public float TenureMonths { get; set; }

    [ColumnName("monthly_charges")]
    public float MonthlyCharges { get; set; }

    [ColumnName("total_charges")]
    public float TotalCharges { get; set; }

    [ColumnName("support_calls")]
    public float SupportCalls { get; set; }

    [ColumnName("senior_citizen")]
    public bool SeniorCitizen { get; set; }

    [ColumnName("contract")]
    public string Contract { get; set; } = "";

    [ColumnName("payment_method")]
    public string PaymentMethod { get; set; } = "";

    [ColumnName("internet_service")]
    public string InternetService { get; set; } = "";

    /// <summary>Churned within 30 days of the snapshot.</summary>
    [ColumnName("churned")]
    public bool Churned { get; set; }
}
