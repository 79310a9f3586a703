using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Stratum.Core.Aftercare;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Knowledge;

/// <summary>
/// The clinical knowledge every result is computed from: rules, protocols, scales and sources, read from the
/// JSON files in <c>knowledge/</c> (embedded in this assembly) and checked before use.
/// <see cref="Version"/> is derived from the content, so any change to any file changes it.
/// </summary>
public sealed class KnowledgeBase
{
    public const string SourcesFile = "sources.json";
    public const string ScreeningFile = "screening.json";
    public const string PlanningFile = "planning.json";
    public const string TriageFile = "triage.json";
    public const string OutcomesFile = "outcomes.json";
    public const string DevicesFile = "devices.json";
    public const string IngredientsFile = "ingredients.json";
    public const string RecordsFile = "records.json";
    public const string VocabularyFile = "inci-vocabulary.json";

    /// <summary>The files a knowledge directory may hold; each one present replaces the embedded file of that name.</summary>
    public static readonly IReadOnlyList<string> FileNames = [SourcesFile, ScreeningFile, PlanningFile, TriageFile, OutcomesFile, DevicesFile, IngredientsFile, RecordsFile, VocabularyFile];

    private static readonly Lazy<KnowledgeBase> s_default = new(() =>
        TryLoad(_ => null, out var knowledge, out var errors)
            ? knowledge
            : throw new InvalidOperationException("The embedded knowledge is invalid: " + string.Join("; ", errors)));

    private readonly Dictionary<string, Source> _sources;

    private KnowledgeBase(
        string version,
        Dictionary<string, Source> sources,
        ScreeningFile screening,
        IReadOnlyList<Rule<Verdict>> screeningRules,
        PlanningFile planning,
        TriageFile triage,
        OutcomesFile outcomes,
        IReadOnlyList<Rule<DeviceVerdict>> deviceRules,
        IngredientClassifier ingredients,
        RecordsFile records)
    {
        Version = version;
        _sources = sources;
        Screening = screening;
        ScreeningRules = screeningRules;
        Planning = planning;
        Triage = triage;
        Outcomes = outcomes;
        DeviceRules = deviceRules;
        Ingredients = ingredients;
        Records = records;
    }

    /// <summary>The embedded knowledge, loaded once.</summary>
    public static KnowledgeBase Default => s_default.Value;

    /// <summary>Short content hash of all files; every result carries it as <c>knowledgeVersion</c>.</summary>
    public string Version { get; }

    public IReadOnlyCollection<Source> Sources => _sources.Values;

    public ScreeningFile Screening { get; }

    public IReadOnlyList<Rule<Verdict>> ScreeningRules { get; }

    public PlanningFile Planning { get; }

    public TriageFile Triage { get; }

    public OutcomesFile Outcomes { get; }

    public IReadOnlyList<Rule<DeviceVerdict>> DeviceRules { get; }

    /// <summary>The aftercare ingredient classes and the INCI parser, compiled from knowledge/ingredients.json.</summary>
    public IngredientClassifier Ingredients { get; }

    /// <summary>What the clinic server enforces when a session is recorded, and how it finds safety signals.</summary>
    public RecordsFile Records { get; }

    public Source? FindSource(string id) => _sources.GetValueOrDefault(id);

    /// <summary>The strength of the best of <paramref name="sourceIds"/>: a finding backed only by conventions or unverified sources says so.</summary>
    public SourceStatus EvidenceOf(IReadOnlyList<string> sourceIds)
    {
        var best = SourceStatus.Convention;
        for (var i = 0; i < sourceIds.Count; i++)
        {
            if (_sources.TryGetValue(sourceIds[i], out var source) && source.Status > best)
            {
                best = source.Status;
            }
        }

        return best;
    }

    /// <summary>
    /// Loads the knowledge: each file comes from <paramref name="overrideFile"/> when it returns text for that name,
    /// otherwise from the embedded copy. Every problem found is reported, naming the file and the entry.
    /// </summary>
    public static bool TryLoad(Func<string, string?> overrideFile, out KnowledgeBase knowledge, out IReadOnlyList<KnowledgeError> errors)
    {
        var texts = FileNames.ToDictionary(name => name, name => Normalise(overrideFile(name) ?? ReadEmbedded(name)));
        var problems = new List<KnowledgeError>();

        var sourceFile = Read(texts, SourcesFile, KnowledgeJson.Default.SourceFile, problems);
        var screening = Read(texts, ScreeningFile, KnowledgeJson.Default.ScreeningFile, problems);
        var planning = Read(texts, PlanningFile, KnowledgeJson.Default.PlanningFile, problems);
        var triage = Read(texts, TriageFile, KnowledgeJson.Default.TriageFile, problems);
        var outcomes = Read(texts, OutcomesFile, KnowledgeJson.Default.OutcomesFile, problems);
        var devices = Read(texts, DevicesFile, KnowledgeJson.Default.DeviceFile, problems);
        var ingredientsFile = Read(texts, IngredientsFile, KnowledgeJson.Default.IngredientsFile, problems);
        var records = Read(texts, RecordsFile, KnowledgeJson.Default.RecordsFile, problems);
        var vocabulary = Read(texts, VocabularyFile, KnowledgeJson.Default.VocabularyFile, problems);

        knowledge = null!;
        if (sourceFile is null || screening is null || planning is null || triage is null || outcomes is null || devices is null || ingredientsFile is null || records is null || vocabulary is null)
        {
            errors = problems;
            return false;
        }

        var validator = new KnowledgeValidator(sourceFile, problems);
        var screeningRules = validator.Rules<Verdict>(ScreeningFile, screening.Rules, titled: true);
        var deviceRules = validator.Rules<DeviceVerdict>(DevicesFile, devices.Rules);
        validator.ConditionStatuses(screening.Terms);
        validator.Planning(planning, screeningRules);
        validator.Triage(triage);
        validator.Outcomes(outcomes);
        var ingredients = validator.Ingredients(ingredientsFile, vocabulary);
        validator.Records(records, ingredientsFile);

        errors = problems;
        if (problems.Count > 0 || ingredients is null)
        {
            return false;
        }

        knowledge = new KnowledgeBase(
            VersionOf(texts),
            sourceFile.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal),
            screening,
            screeningRules,
            planning,
            triage,
            outcomes,
            deviceRules,
            ingredients,
            records);
        return true;
    }

    /// <summary>The embedded text of one knowledge file, for showing or copying as a starting point.</summary>
    public static string ReadEmbedded(string name)
    {
        using var stream = typeof(KnowledgeBase).Assembly.GetManifestResourceStream("knowledge/" + name)
            ?? throw new InvalidOperationException($"The knowledge file {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    // Line endings differ between checkouts; they are not a change of content.
    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string VersionOf(Dictionary<string, string> texts)
    {
        var builder = new StringBuilder();
        foreach (var name in FileNames)
        {
            builder.Append(name).Append('\n').Append(texts[name]).Append('\0');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())))[..12];
    }

    private static T? Read<T>(Dictionary<string, string> texts, string file, JsonTypeInfo<T> type, List<KnowledgeError> errors) where T : class
    {
        var text = texts[file];
        try
        {
            var value = JsonSerializer.Deserialize(text, type);
            if (value is null)
            {
                errors.Add(new KnowledgeError(file, "", "the file is empty (null)"));
            }

            return value;
        }
        catch (JsonException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
            errors.Add(new KnowledgeError(file, EntryAt(text, e.Path), $"{e.Path ?? "$"}: {(cut > 0 ? reason[..cut] : reason)}"));
            return null;
        }
    }

    /// <summary>The code or id of the top-level entry a JSON path points into, e.g. <c>$.rules[3].when[0]</c> → "CI-ECZEMA".</summary>
    private static string EntryAt(string text, string? path)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return "";
        }

        var open = path.IndexOf('[', StringComparison.Ordinal);
        var close = path.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < open || !int.TryParse(path.AsSpan(open + 1, close - open - 1), out var index))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var list = path[2..open].Split('.').Aggregate(document.RootElement, (e, name) => e.GetProperty(name));
            var entry = list[index];
            foreach (var key in new[] { "code", "id", "kind" })
            {
                if (entry.TryGetProperty(key, out var name) && name.ValueKind == JsonValueKind.String)
                {
                    return name.GetString()!;
                }
            }

            return $"entry {index + 1}";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or IndexOutOfRangeException or InvalidOperationException)
        {
            return "";
        }
    }
}
