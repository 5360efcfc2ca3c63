using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Shop.Grains.Catalog;

namespace Shop.Api.Features.Catalog.Search;

/// <summary>
/// The words of every product in a Lucene index in memory, one per API node, updated from the
/// catalog's deltas. Every searched text is indexed as character pairs (the last character paired
/// with an end mark), so any substring is found exactly: a word is the phrase of its pairs, a single
/// character the pairs it starts. Chinese needs no word segmentation to match "保温" inside "保温杯",
/// and a Latin word matches inside another as before.
/// A third field holds the beginnings of Latin words, so a hit at a word's start scores double
/// ("phone" ranks "Phones" above "Headphones"). Field weights: name 8, brand 4, category 2, description 1.
/// </summary>
public sealed class CatalogTextIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Word starts are indexed up to this length; a longer word gets no start bonus.</summary>
    private const int MaxStartLength = 12;

    /// <summary>Ends every text, so its last character starts a pair too.</summary>
    private const char EndMark = '\u0001';

    private static readonly (string Field, float Weight)[] Fields = [("name", 8), ("brand", 4), ("category", 2), ("description", 1)];

    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    public CatalogTextIndex()
    {
        var analyzers = new Dictionary<string, Analyzer>();
        foreach (var (field, _) in Fields)
        {
            analyzers[field + "2"] = new CharacterPairs();
            analyzers[field + "s"] = new WhitespaceAnalyzer(Version);
        }

        var analyzer = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), analyzers);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64 });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>Adds or replaces a product's words under its ordinal (see <see cref="CatalogView"/>).</summary>
    public void Put(CatalogEntry entry, string categoryText, int ordinal)
    {
        var document = new Document
        {
            new StringField("id", entry.Id, Field.Store.NO),
            new NumericDocValuesField("ord", ordinal),
        };
        foreach (var (field, value) in new[] { ("name", entry.Name), ("brand", entry.Brand ?? ""), ("category", categoryText), ("description", entry.Description) })
        {
            var text = value.ToLowerInvariant();
            document.Add(new TextField(field + "2", text + EndMark, Field.Store.NO));
            document.Add(new TextField(field + "s", string.Join(' ', WordStarts(text)), Field.Store.NO));
        }

        _writer.UpdateDocument(new Term("id", entry.Id), document);
    }

    public void Remove(string id) => _writer.DeleteDocuments(new Term("id", id));

    public void Clear() => _writer.DeleteAll();

    /// <summary>Makes the changes since the last call visible to <see cref="Search"/> (searches running keep their reader).</summary>
    public void Publish() => _searchers.MaybeRefreshBlocking();

    /// <summary>Every product that holds each word somewhere, with its score, as (ordinal, score).</summary>
    public List<(int Ordinal, float Score)> Search(IReadOnlyList<string> words)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
        {
            query.Add(WordQuery(word.ToLowerInvariant()), Occur.MUST);
        }

        var searcher = _searchers.Acquire();
        try
        {
            var collector = new AllHits();
            searcher.Search(query, collector);
            return collector.Hits;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    /// <summary>A hit in a field counts its weight; at the start of a Latin word (or anywhere for other scripts) twice.</summary>
    private static Query WordQuery(string word)
    {
        var latin = char.IsAsciiLetterOrDigit(word[0]);
        var query = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = 1 };
        foreach (var (field, weight) in Fields)
        {
            query.Add(new ConstantScoreQuery(Substring(field, word)) { Boost = latin ? weight : 2 * weight }, Occur.SHOULD);
            if (latin && word.Length <= MaxStartLength)
            {
                query.Add(new ConstantScoreQuery(new TermQuery(new Term(field + "s", word))) { Boost = weight }, Occur.SHOULD);
            }
        }

        return query;
    }

    /// <summary>The word anywhere in the field: the pairs its single character starts, or the phrase of its pairs.</summary>
    private static Query Substring(string field, string word)
    {
        if (word.Length == 1)
        {
            return new PrefixQuery(new Term(field + "2", word));
        }

        var phrase = new PhraseQuery();
        for (var i = 0; i + 2 <= word.Length; i++)
        {
            phrase.Add(new Term(field + "2", word.Substring(i, 2)), i);
        }

        return phrase;
    }

    /// <summary>
    /// Each beginning of a Latin word, up to <see cref="MaxStartLength"/> characters, running on
    /// through the characters that stay inside a search word ("wi-fi", "2.5", "c++").
    /// </summary>
    private static IEnumerable<string> WordStarts(string text)
    {
        for (var at = 0; at < text.Length; at++)
        {
            if (!char.IsAsciiLetterOrDigit(text[at]) || (at > 0 && char.IsAsciiLetterOrDigit(text[at - 1])))
            {
                continue;
            }

            var end = at;
            while (end < text.Length && end - at < MaxStartLength && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '.' or '+' or '&' or '\''))
            {
                end++;
            }

            for (var length = 1; length <= end - at; length++)
            {
                yield return text.Substring(at, length);
            }
        }
    }

    /// <summary>Overlapping character pairs; each pair's position is its offset, so pairs form phrases.</summary>
    private sealed class CharacterPairs : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
            new(new NGramTokenizer(Version, reader, 2, 2));
    }

    /// <summary>Collects every hit's ordinal and score (not just the best few: lists sort and count them all).</summary>
    private sealed class AllHits : ICollector
    {
        private Scorer? _scorer;
        private NumericDocValues? _ordinals;

        public List<(int Ordinal, float Score)> Hits { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _ordinals = context.AtomicReader.GetNumericDocValues("ord");

        public void Collect(int doc) => Hits.Add(((int)_ordinals!.Get(doc), _scorer!.GetScore()));
    }
}
