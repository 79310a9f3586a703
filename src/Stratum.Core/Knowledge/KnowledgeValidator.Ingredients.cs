using Stratum.Core.Aftercare;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Knowledge;

/// <summary>The checks of ingredients.json and inci-vocabulary.json: the published lists, recognition, classes and their windows.</summary>
internal sealed partial class KnowledgeValidator
{
    /// <summary>Each published list keeps its source and licence; each label name says what it stands for and where that is written.</summary>
    private void Vocabulary(VocabularyFile vocabulary, IngredientRecognition recognition)
    {
        const string file = KnowledgeBase.VocabularyFile;
        foreach (var list in vocabulary.Lists)
        {
            if (new[] { list.Id, list.Title, list.Source, list.Licence, list.Retrieved }.Any(string.IsNullOrWhiteSpace))
            {
                Add(file, list.Id, "every list needs an id, a title, its source, its licence and the day it was retrieved");
            }

            if (list.Names.Count == 0 || list.Names.Any(string.IsNullOrWhiteSpace))
            {
                Add(file, list.Id, "a list needs names, none empty");
            }
        }

        foreach (var drug in vocabulary.DrugNames.Where(d => string.IsNullOrWhiteSpace(d.Source) || string.IsNullOrWhiteSpace(d.Inci)))
        {
            Add(file, drug.Name, "a drug name needs its INCI name and a source");
        }

        CheckSources(KnowledgeBase.IngredientsFile, "recognition", recognition.Sources);
        foreach (var label in recognition.LabelNames.Where(l => l.Source is { } s && !_sourceIds.Contains(s)))
        {
            Add(KnowledgeBase.IngredientsFile, label.Name, $"'{label.Source}' is not a source id of sources.json");
        }

        if (recognition.NearMissMinLetters < 4)
        {
            Add(KnowledgeBase.IngredientsFile, "recognition", "nearMissMinLetters must be at least 4: shorter names are too close to one another");
        }
    }

    /// <summary>Checks knowledge/ingredients.json and compiles it; null when it cannot be used.</summary>
    public IngredientClassifier? Ingredients(IngredientsFile ingredients, VocabularyFile vocabulary)
    {
        Vocabulary(vocabulary, ingredients.Recognition);
        const string file = KnowledgeBase.IngredientsFile;
        var before = errors.Count;
        foreach (var missing in Enum.GetValues<IngredientClass>().Where(c => !ingredients.Classes.Any(d => d.Code == c)))
        {
            Add(file, Codes.Of(missing), "the class is missing; every class of DESIGN §2 needs an entry");
        }

        foreach (var twice in ingredients.Classes.GroupBy(c => c.Code).Where(g => g.Count() > 1))
        {
            Add(file, Codes.Of(twice.Key), "the class is defined twice");
        }

        foreach (var c in ingredients.Classes)
        {
            var entry = Codes.Of(c.Code);
            CheckSources(file, entry, c.Sources);
            CheckText(file, entry, c.Reason);
            if (c.Steps.Count == 0)
            {
                Add(file, entry, "needs at least one step");
            }

            if (AftercareChecker.IsFlagClass(c.Code) && c.WindowHours is not (>= 0 and <= 8_760))
            {
                Add(file, entry, "an avoid or careful class needs windowHours from 0 to 8760");
            }
            else if (!AftercareChecker.IsFlagClass(c.Code) && c.WindowHours is not null)
            {
                Add(file, entry, "a helpful class has no window; remove windowHours");
            }
        }

        CheckSources(file, "positionRule", ingredients.PositionRule.Sources);
        if (ingredients.PositionRule.MaxPosition < 1 || ingredients.PositionRule.Markers.Count == 0)
        {
            Add(file, "positionRule", "needs maxPosition of at least 1 and at least one marker");
        }

        var headers = ingredients.Parsing.Headers;
        if (new[] { headers.List, headers.Actives, headers.Inactive, headers.Ignored, ingredients.Parsing.MayContain }.Any(h => h.Count == 0 || h.Any(string.IsNullOrWhiteSpace)))
        {
            Add(file, "parsing", "every header list and mayContain needs at least one phrase, none empty");
        }

        if (errors.Count > before)
        {
            return null;
        }

        var classifier = IngredientClassifier.Create(ingredients, vocabulary, (entry, message) => Add(file, entry, message));
        return errors.Count == before ? classifier : null;
    }
}
