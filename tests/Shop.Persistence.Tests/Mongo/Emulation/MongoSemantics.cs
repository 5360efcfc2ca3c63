using MongoDB.Bson;

namespace Shop.Persistence.Tests.Mongo.Emulation;

/// <summary>
/// The subset of MongoDB's query and update language the shop's providers send, evaluated in
/// memory as the server documents it: implicit equality (null matches a missing field; a scalar
/// matches an array holding it), $ne, $gt/$gte/$lt/$lte, $elemMatch, $type, $and, $or; $set
/// (with the positional "$"), $setOnInsert, $push, $pull with a condition; upsert seeding from
/// the filter's equality fields. Anything else throws, so an unsupported query cannot pass silently.
/// </summary>
internal static class MongoSemantics
{
    public static bool Matches(BsonDocument document, BsonDocument filter, out int? positional)
    {
        int? pos = null;
        var matched = MatchDocument(document, filter, ref pos);
        positional = pos;
        return matched;
    }

    public static void ApplyUpdate(BsonDocument document, BsonDocument update, int? positional, bool isInsert)
    {
        foreach (var operation in update)
        {
            switch (operation.Name)
            {
                case "$set":
                    foreach (var field in operation.Value.AsBsonDocument)
                    {
                        SetPath(document, Positional(field.Name, positional), field.Value.DeepClone());
                    }

                    break;
                case "$setOnInsert":
                    if (isInsert)
                    {
                        foreach (var field in operation.Value.AsBsonDocument)
                        {
                            SetPath(document, field.Name, field.Value.DeepClone());
                        }
                    }

                    break;
                case "$push":
                    foreach (var field in operation.Value.AsBsonDocument)
                    {
                        ArrayAt(document, field.Name, create: true)!.Add(field.Value.DeepClone());
                    }

                    break;
                case "$pull":
                    foreach (var field in operation.Value.AsBsonDocument)
                    {
                        if (ArrayAt(document, field.Name, create: false) is { } array)
                        {
                            var keep = array.Where(element => !PullMatches(element, field.Value)).ToList();
                            array.Clear();
                            array.AddRange(keep);
                        }
                    }

                    break;
                default:
                    throw new NotSupportedException($"Update operator {operation.Name} is not emulated.");
            }
        }
    }

    /// <summary>The document an upsert inserts before the update applies: the filter's equality conditions.</summary>
    public static BsonDocument Seed(BsonDocument filter)
    {
        var seed = new BsonDocument();
        AddSeed(seed, filter);
        if (seed.Contains("_id"))
        {
            var id = seed["_id"];
            seed.Remove("_id");
            seed.InsertAt(0, new BsonElement("_id", id));
        }

        return seed;
    }

    private static void AddSeed(BsonDocument seed, BsonDocument filter)
    {
        foreach (var element in filter)
        {
            if (element.Name == "$and")
            {
                foreach (var part in element.Value.AsBsonArray)
                {
                    AddSeed(seed, part.AsBsonDocument);
                }
            }
            else if (!element.Name.StartsWith('$'))
            {
                if (!IsOperatorDocument(element.Value))
                {
                    SetPath(seed, element.Name, element.Value.DeepClone());
                }
                else if (element.Value.AsBsonDocument.TryGetValue("$eq", out var eq))
                {
                    SetPath(seed, element.Name, eq.DeepClone());
                }
            }
        }
    }

    private static bool MatchDocument(BsonDocument document, BsonDocument filter, ref int? pos)
    {
        foreach (var element in filter)
        {
            switch (element.Name)
            {
                case "$and":
                    foreach (var part in element.Value.AsBsonArray)
                    {
                        if (!MatchDocument(document, part.AsBsonDocument, ref pos))
                        {
                            return false;
                        }
                    }

                    break;
                case "$or":
                    var any = false;
                    foreach (var part in element.Value.AsBsonArray)
                    {
                        if (MatchDocument(document, part.AsBsonDocument, ref pos))
                        {
                            any = true;
                            break;
                        }
                    }

                    if (!any)
                    {
                        return false;
                    }

                    break;
                case var name when name.StartsWith('$'):
                    throw new NotSupportedException($"Query operator {name} is not emulated.");
                default:
                    if (IsOperatorDocument(element.Value))
                    {
                        foreach (var op in element.Value.AsBsonDocument)
                        {
                            if (!MatchOperator(document, element.Name, op.Name, op.Value, ref pos))
                            {
                                return false;
                            }
                        }
                    }
                    else if (!MatchOperator(document, element.Name, "$eq", element.Value, ref pos))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    private static bool MatchOperator(BsonDocument document, string path, string op, BsonValue operand, ref int? pos)
    {
        var candidates = Resolve(document, path);
        switch (op)
        {
            case "$eq":
                return AnyEqual(candidates, operand, ref pos);
            case "$ne":
                int? ignored = null;
                return !AnyEqual(candidates, operand, ref ignored);
            case "$gt" or "$gte" or "$lt" or "$lte":
                foreach (var (value, index) in Expand(candidates))
                {
                    if (value is not null && Compare(value, operand) is { } c && op switch
                    {
                        "$gt" => c > 0,
                        "$gte" => c >= 0,
                        "$lt" => c < 0,
                        _ => c <= 0,
                    })
                    {
                        pos ??= index;
                        return true;
                    }
                }

                return false;
            case "$not":
                // Negates the whole operator expression: {"a.b": {$not: {$gte: x}}} matches when no a.b is >= x (or there is none).
                int? unused = null;
                return !operand.AsBsonDocument.All(inner => MatchOperator(document, path, inner.Name, inner.Value, ref unused));
            case "$elemMatch":
                foreach (var (value, _) in candidates)
                {
                    if (value is BsonArray array)
                    {
                        for (var i = 0; i < array.Count; i++)
                        {
                            int? inner = null;
                            if (array[i] is BsonDocument element && MatchDocument(element, operand.AsBsonDocument, ref inner))
                            {
                                pos ??= i;
                                return true;
                            }
                        }
                    }
                }

                return false;
            case "$type":
                var wanted = operand.IsString ? operand.AsString : operand.ToInt32().ToString();
                return candidates.Any(c => c.Value is not null && wanted switch
                {
                    "16" or "int" => c.Value.IsInt32,
                    "18" or "long" => c.Value.IsInt64,
                    "2" or "string" => c.Value.IsString,
                    _ => throw new NotSupportedException($"$type {wanted} is not emulated."),
                });
            default:
                throw new NotSupportedException($"Query operator {op} is not emulated.");
        }
    }

    private static bool AnyEqual(List<(BsonValue? Value, int? Index)> candidates, BsonValue operand, ref int? pos)
    {
        foreach (var (value, index) in candidates)
        {
            if (value is null)
            {
                if (operand.IsBsonNull)
                {
                    return true;
                }

                continue;
            }

            if (Equal(value, operand))
            {
                pos ??= index;
                return true;
            }

            if (value is BsonArray array && operand is not BsonArray)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (Equal(array[i], operand))
                    {
                        pos ??= i;
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The values at a dotted path, descending into arrays of documents; null stands for a missing field.</summary>
    private static List<(BsonValue? Value, int? Index)> Resolve(BsonDocument document, string path)
    {
        var current = new List<(BsonValue? Value, int? Index)> { (document, null) };
        foreach (var segment in path.Split('.'))
        {
            var next = new List<(BsonValue? Value, int? Index)>();
            foreach (var (value, index) in current)
            {
                switch (value)
                {
                    case BsonDocument d:
                        next.Add((d.TryGetValue(segment, out var v) ? v : null, index));
                        break;
                    case BsonArray a:
                        for (var i = 0; i < a.Count; i++)
                        {
                            if (a[i] is BsonDocument element)
                            {
                                next.Add((element.TryGetValue(segment, out var ev) ? ev : null, index ?? i));
                            }
                        }

                        break;
                    default:
                        next.Add((null, index));
                        break;
                }
            }

            current = next;
        }

        return current;
    }

    private static IEnumerable<(BsonValue? Value, int? Index)> Expand(List<(BsonValue? Value, int? Index)> candidates)
    {
        foreach (var (value, index) in candidates)
        {
            if (value is BsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array[i], index ?? i);
                }
            }
            else
            {
                yield return (value, index);
            }
        }
    }

    private static bool Equal(BsonValue a, BsonValue b) =>
        a.IsNumeric && b.IsNumeric ? a.ToDecimal() == b.ToDecimal() : a.Equals(b);

    /// <summary>MongoDB compares within a type bracket only: numbers with numbers, dates with dates, strings with strings.</summary>
    private static int? Compare(BsonValue a, BsonValue b)
    {
        if (a.IsNumeric && b.IsNumeric)
        {
            return a.ToDecimal().CompareTo(b.ToDecimal());
        }

        if (a is BsonDateTime da && b is BsonDateTime db)
        {
            return da.MillisecondsSinceEpoch.CompareTo(db.MillisecondsSinceEpoch);
        }

        if (a.IsString && b.IsString)
        {
            return string.CompareOrdinal(a.AsString, b.AsString);
        }

        return null;
    }

    private static bool PullMatches(BsonValue element, BsonValue condition)
    {
        if (condition is BsonDocument conditions && !IsOperatorDocument(condition))
        {
            int? ignored = null;
            return element is BsonDocument document && MatchDocument(document, conditions, ref ignored);
        }

        if (IsOperatorDocument(condition))
        {
            throw new NotSupportedException("$pull with operators on scalars is not emulated.");
        }

        return Equal(element, condition);
    }

    private static bool IsOperatorDocument(BsonValue value) =>
        value is BsonDocument { ElementCount: > 0 } d && d.GetElement(0).Name.StartsWith('$');

    private static string Positional(string path, int? positional)
    {
        var segments = path.Split('.');
        if (!segments.Contains("$"))
        {
            return path;
        }

        if (positional is null)
        {
            throw new InvalidOperationException("The positional operator did not find the match needed from the query.");
        }

        return string.Join('.', segments.Select(s => s == "$" ? positional.Value.ToString() : s));
    }

    private static void SetPath(BsonDocument document, string path, BsonValue value)
    {
        var segments = path.Split('.');
        BsonValue current = document;
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var segment = segments[i];
            if (current is BsonArray array && int.TryParse(segment, out var index))
            {
                if (last)
                {
                    array[index] = value;
                    return;
                }

                current = array[index];
            }
            else if (current is BsonDocument d)
            {
                if (last)
                {
                    d[segment] = value;
                    return;
                }

                if (!d.TryGetValue(segment, out var child))
                {
                    child = new BsonDocument();
                    d[segment] = child;
                }

                current = child;
            }
            else
            {
                throw new InvalidOperationException($"Cannot set {path}: {segment} is not a document or array.");
            }
        }
    }

    private static BsonArray? ArrayAt(BsonDocument document, string path, bool create)
    {
        if (path.Contains('.'))
        {
            throw new NotSupportedException("Array operators on dotted paths are not emulated.");
        }

        if (document.TryGetValue(path, out var value))
        {
            return value as BsonArray ?? throw new InvalidOperationException($"{path} is not an array.");
        }

        if (!create)
        {
            return null;
        }

        var array = new BsonArray();
        document[path] = array;
        return array;
    }
}
