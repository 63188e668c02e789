using System.Globalization;
using System.Security.Cryptography;

namespace GitRegistry.Samples.Churn;

/// <summary>
/// A synthetic telecom churn data set with a fixed seed: customers as of a snapshot date, with effects a real
/// data set shows (short tenure, month-to-month contracts, fiber plus electronic check, many support calls) and
/// interactions that a single linear score misses, so more trees help.
/// </summary>
public sealed class ChurnData
{
    private ChurnData(IReadOnlyList<ChurnRecord> rows) => Rows = rows;

    public IReadOnlyList<ChurnRecord> Rows { get; }

    /// <summary>The first 60% of the rows.</summary>
    public IReadOnlyList<ChurnRecord> Train => Slice(0.0, 0.6);

    /// <summary>The next 20%.</summary>
    public IReadOnlyList<ChurnRecord> Validation => Slice(0.6, 0.8);

    /// <summary>The last 20%: held out from training and model selection.</summary>
    public IReadOnlyList<ChurnRecord> Test => Slice(0.8, 1.0);

    public static ChurnData Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var records = new List<ChurnRecord>(rows);
        for (var i = 0; i < rows; i++)
        {
            var tenure = 1 + (int)(71 * Math.Pow(random.NextDouble(), 1.3));
            var contract = Pick(random, tenure < 12 ? [0.75, 0.2, 0.05] : tenure < 36 ? [0.5, 0.3, 0.2] : [0.25, 0.35, 0.4]);
            var internet = Pick(random, [0.35, 0.45, 0.2]);
            var payment = Pick(random, [0.35, 0.2, 0.22, 0.23]);
            var senior = random.NextDouble() < 0.16;
            var monthly = internet switch { 0 => 45, 1 => 80, _ => 22 } + random.NextDouble() * 30;
            var total = monthly * tenure * (0.9 + 0.2 * random.NextDouble());
            var calls = Poisson(random, 0.8 + (internet == 1 ? 0.7 : 0) + (tenure < 6 ? 0.6 : 0));

            var logit = -1.2
                - 0.045 * tenure
                + (contract == 0 ? 1.3 : contract == 1 ? 0.1 : -1.2)
                + (internet == 1 && payment == 0 ? 1.1 : 0)        // fiber billed by electronic check
                + (calls >= 4 ? 1.6 : 0.15 * calls)                 // a threshold, not a slope
                + (senior && contract == 0 ? 0.6 : 0)
                + 0.012 * (monthly - 60)
                + (tenure < 4 ? 0.8 : 0);
            var churned = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
            records.Add(new ChurnRecord
            {
                TenureMonths = tenure,
                MonthlyCharges = (float)Math.Round(monthly, 2),
                TotalCharges = (float)Math.Round(total, 2),
                SupportCalls = calls,
                SeniorCitizen = senior,
                Contract = ChurnRecord.Contracts[contract],
                PaymentMethod = ChurnRecord.PaymentMethods[payment],
                InternetService = ChurnRecord.InternetServices[internet],
                Churned = churned,
            });
        }
        return new ChurnData(records);
    }

    /// <summary>Writes the rows as CSV and returns the file's sha256.</summary>
    public string WriteCsv(string path)
    {
        using (var writer = new StreamWriter(path) { NewLine = "\n" })
        {
            writer.WriteLine("customer_id,tenure_months,monthly_charges,total_charges,support_calls,senior_citizen,contract,payment_method,internet_service,churned");
            for (var i = 0; i < Rows.Count; i++)
            {
                var r = Rows[i];
                writer.WriteLine(string.Join(",",
                    $"C{i:D6}", F(r.TenureMonths), F(r.MonthlyCharges), F(r.TotalCharges), F(r.SupportCalls),
                    r.SeniorCitizen ? "1" : "0", r.Contract, r.PaymentMethod, r.InternetService, r.Churned ? "1" : "0"));
            }
        }
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    private IReadOnlyList<ChurnRecord> Slice(double from, double to) =>
        Rows.Skip((int)(Rows.Count * from)).Take((int)(Rows.Count * to) - (int)(Rows.Count * from)).ToList();

    private static string F(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static int Pick(Random random, double[] weights)
    {
        var u = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            if ((u -= weights[i]) < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    private static int Poisson(Random random, double mean)
    {
        var (limit, k, p) = (Math.Exp(-mean), 0, 1.0);
        while ((p *= random.NextDouble()) > limit)
        {
            k++;
        }
        return k;
    }
}
