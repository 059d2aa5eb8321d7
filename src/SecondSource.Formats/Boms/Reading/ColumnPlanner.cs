using System.Globalization;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms.Reading;

/// <summary>
/// Decides every column's role from its header and its content together. The header proposes; the content confirms, or
/// overrides a misleading header with a warning that names the column and the evidence ("'Manufacturer name' holds part
/// numbers in 18 of 20 rows"). Where two columns compete for one role the better-evidenced wins and the report says which
/// and why; a column nothing can place is left unread, with a note. Source columns are paired into sources in every common
/// family: numbered (Manufacturer 2, Manufacturer1 Part Number, Manufacturer_N/MPN_N by their own number), prefixed (Alt MPN,
/// AMPN/AManufacturer) and repeated pairs. <c>--map</c> (or a choice stored with a revision) overrides any decision.
/// </summary>
internal static class ColumnPlanner
{
    private sealed class Column(int index, string header, HeaderGuess guess, ColumnProfile profile)
    {
        public int Index { get; } = index;

        public string Header { get; } = header;

        public HeaderGuess Guess { get; } = guess;

        public ColumnProfile Profile { get; } = profile;

        public ColumnRole Role { get; set; }

        public bool Generic { get; set; }

        public bool FreeText { get; set; }

        public int? Source { get; set; }

        public string Evidence { get; set; } = "";

        public RoleConfidence Confidence { get; set; } = RoleConfidence.Medium;

        public string DecidedBy { get; set; } = "header";
    }

    public static ColumnPlan Plan(string[] headers, bool headerless, IReadOnlyList<ColumnProfile> profiles, BomReadOptions options, string file, int? headerRow,
        List<BomDiagnostic> notes)
    {
        var columns = new List<Column>(headers.Length);
        for (var i = 0; i < headers.Length; i++)
        {
            var header = headerless ? "" : headers[i].Trim();
            var guess = headerless ? new HeaderGuess(HeaderKind.Unknown, null, false, "no header") : HeaderWords.Classify(header);
            var column = new Column(i, header, guess, i < profiles.Count ? profiles[i] : new ColumnProfile());
            columns.Add(column);
            if (headerless)
            {
                TypeByContent(column);
            }
            else
            {
                Decide(column, notes);
            }
        }

        if (headerless)
        {
            RequireTyped(columns, file);
        }

        KeepBest(columns, ColumnRole.Designators, c => c.Profile.Share(c.Profile.Designators) + (c.Guess.Kind == HeaderKind.Designators ? 0.05 : 0), "designator lists", notes);
        FillDesignatorsFromContent(columns, notes);
        foreach (var role in (ColumnRole[])[ColumnRole.Quantity, ColumnRole.Dnp, ColumnRole.InternalPartNumber, ColumnRole.Description, ColumnRole.Value, ColumnRole.Footprint, ColumnRole.Critical])
        {
            KeepFirst(columns, role, notes);
        }

        NoteSwapped(columns, notes);
        ResolveGenericPartNumbers(columns, notes);
        var groups = Pair(columns);
        CheckSwapped(columns, groups, notes);
        ApplyOverrides(columns, groups, options, file, headerRow);
        KeepFirst(columns, ColumnRole.Dnp, notes);

        var sources = groups.Where(g => g.Manufacturer is not null || g.Mpn is not null || g.Combined is not null).ToList();
        for (var g = 0; g < sources.Count; g++)
        {
            foreach (var c in (int?[])[sources[g].Manufacturer, sources[g].Mpn, sources[g].Combined])
            {
                if (c is { } index)
                {
                    columns[index].Source = g + 1;
                }
            }
        }

        foreach (var c in columns.Where(c => c.Role is ColumnRole.Manufacturer or ColumnRole.Mpn or ColumnRole.ManufacturerAndMpn && c.Source is null))
        {
            c.Role = ColumnRole.Ignored;
        }

        int? Single(ColumnRole role) => columns.FirstOrDefault(c => c.Role == role)?.Index;
        var dnp = columns.FirstOrDefault(c => c.Role is ColumnRole.Dnp or ColumnRole.Populate);
        var designators = columns.FirstOrDefault(c => c.Role == ColumnRole.Designators);
        var plan = new ColumnPlan
        {
            Headers = headerless ? headers.Select((_, i) => $"#{(i + 1).ToString(CultureInfo.InvariantCulture)}").ToArray() : headers.Select(h => h.Trim()).ToArray(),
            Headerless = headerless,
            Columns = columns.Select(c => new ColumnInterpretation(c.Index, headerless ? $"#{(c.Index + 1).ToString(CultureInfo.InvariantCulture)}" : c.Header, c.Role,
                c.Role is ColumnRole.Manufacturer or ColumnRole.Mpn or ColumnRole.ManufacturerAndMpn ? c.Source : null,
                c.Evidence, c.Confidence, c.DecidedBy, c.Profile.Samples)).ToList(),
            Sources = sources,
            Designators = designators?.Index,
            DesignatorsInFreeText = designators?.FreeText ?? false,
            Quantity = Single(ColumnRole.Quantity),
            Dnp = dnp?.Index,
            DnpMeansPopulate = dnp?.Role == ColumnRole.Populate,
            InternalPartNumber = Single(ColumnRole.InternalPartNumber),
            Description = Single(ColumnRole.Description),
            Value = Single(ColumnRole.Value),
            Footprint = Single(ColumnRole.Footprint),
            Critical = Single(ColumnRole.Critical),
            Variants = columns.Where(c => c.Role == ColumnRole.Variant).Select(c => c.Index).ToArray(),
            Distributors = columns.Where(c => c.Role == ColumnRole.DistributorSku).Select(c => c.Index).ToArray(),
            DistributorNames = columns.Where(c => c.Role == ColumnRole.DistributorName).Select(c => c.Index).ToArray(),
        };
        if (plan.Designators is null && plan.Sources.All(s => s.Mpn is null && s.Combined is null) && plan.Distributors.Length > 0)
        {
            notes.Add(new BomDiagnostic(FindingSeverity.Warning, null, null,
                "no column holds reference designators or manufacturer part numbers: the lines carry distributor stock numbers only, so no source can be counted."));
        }
        else if (plan.Designators is null && plan.Sources.All(s => s.Mpn is null && s.Combined is null))
        {
            throw new BomFileException(file, headerRow, null,
                $"no column holds reference designators or manufacturer part numbers; the columns are {string.Join(", ", plan.Headers.Select(h => $"'{h}'"))}. " +
                "Name them with --map refdes=Column --map mpn=Column (or choose their roles in the import preview).");
        }

        return plan;
    }

    /// <summary>The header's proposal, confirmed or corrected by the content.</summary>
    private static void Decide(Column c, List<BomDiagnostic> notes)
    {
        var p = c.Profile;
        var header = $"'{c.Header}'";
        void Set(ColumnRole role, string evidence, RoleConfidence confidence, string decidedBy = "header and content")
        {
            c.Role = role;
            c.Evidence = evidence;
            c.Confidence = confidence;
            c.DecidedBy = p.Filled == 0 && decidedBy == "header and content" ? "header" : decidedBy;
        }

        void Overruled(ColumnRole role, string said, string evidence)
        {
            Set(role, evidence, RoleConfidence.Medium, $"content (the header says {said})");
            notes.Add(new BomDiagnostic(FindingSeverity.Warning, null, c.Header,
                $"column {header} is named like {said} but {evidence}: read as {ColumnRoles.Describe(role, null)}. Use --map to change it."));
        }

        var makers = p.Share(p.RecognisedMakers + p.MakerNames + p.Generic);

        // Content overrules a header only on enough values: two or three rows prove little.
        var few = p.Filled < 3;
        switch (c.Guess.Kind)
        {
            case HeaderKind.LineNumber when !few && p.Share(p.Quantities) < 0.3 && p.Share(Math.Max(p.Descriptions, p.MakerNames)) >= 0.5:
                Overruled(ColumnRole.Description, "a line number", p.Describe(Math.Max(p.Descriptions, p.MakerNames), "are names or descriptions"));
                break;
            case HeaderKind.Ignored or HeaderKind.LineNumber or HeaderKind.Unknown:
                Set(ColumnRole.Ignored, c.Guess.Kind == HeaderKind.Unknown ? "no BOM field has this name" : "a field the audit does not use", RoleConfidence.High, "header");
                break;
            case HeaderKind.Designators or HeaderKind.DesignatorsFreeText:
                if (few || p.Share(p.Designators) >= 0.5 || (c.Guess.Kind == HeaderKind.DesignatorsFreeText && p.Share(p.Designators + p.DesignatorsInText) >= 0.3))
                {
                    Set(ColumnRole.Designators, p.Describe(p.Designators, "are designator lists"), p.Share(p.Designators) >= 0.8 ? RoleConfidence.High : RoleConfidence.Medium);
                    c.FreeText = c.Guess.Kind == HeaderKind.DesignatorsFreeText;
                }
                else if (p.Share(p.PartNumbers) >= 0.5 && c.Guess.Kind != HeaderKind.DesignatorsFreeText)
                {
                    Overruled(ColumnRole.Mpn, "reference designators", p.Describe(p.PartNumbers, "look like part numbers"));
                    c.Generic = true;
                }
                else
                {
                    Overruled(ColumnRole.Ignored, "reference designators", p.Describe(p.Designators, "are designator lists"));
                }

                break;
            case HeaderKind.DesignatorsWeak:
                if (p.Filled > 0 && p.Share(p.Designators) >= 0.6)
                {
                    Set(ColumnRole.Designators, p.Describe(p.Designators, "are designator lists"), RoleConfidence.Medium);
                }
                else if (p.Share(p.Skus) >= 0.5)
                {
                    Set(ColumnRole.DistributorSku, p.Describe(p.Skus, $"are {p.SkuDistributor} stock numbers"), RoleConfidence.Medium, "content");
                }
                else if (p.Share(p.PartNumbers) >= 0.5)
                {
                    Set(ColumnRole.Mpn, p.Describe(p.PartNumbers, "look like part numbers"), RoleConfidence.Low, "content");
                    c.Generic = true;
                }
                else
                {
                    Set(ColumnRole.Ignored, "neither designator lists nor part numbers", RoleConfidence.Medium, "content");
                }

                break;
            case HeaderKind.Quantity:
                if (few || p.Share(p.Quantities) >= 0.6)
                {
                    Set(ColumnRole.Quantity, p.Describe(p.Quantities, "are numbers"), RoleConfidence.High);
                }
                else
                {
                    Overruled(ColumnRole.Ignored, "a quantity", p.Describe(p.Quantities, "are numbers"));
                }

                break;
            case HeaderKind.Manufacturer or HeaderKind.MakerOrDistributor:
                if (!few && p.Share(p.MakerAndPart) >= 0.5)
                {
                    Set(ColumnRole.ManufacturerAndMpn, p.Describe(p.MakerAndPart, "are a maker's name followed by a part number"), RoleConfidence.Medium, "content");
                }
                else if (p.Filled > 0 && (c.Guess.Kind == HeaderKind.MakerOrDistributor ? p.Share(p.DistributorNames) >= 0.5 : !few && p.Share(p.DistributorNames) >= 0.6 && p.Share(p.RecognisedMakers) < 0.15))
                {
                    if (c.Guess.Kind == HeaderKind.Manufacturer)
                    {
                        Overruled(ColumnRole.DistributorName, "manufacturers", p.Describe(p.DistributorNames, "are distributors' names"));
                    }
                    else
                    {
                        Set(ColumnRole.DistributorName, p.Describe(p.DistributorNames, "are distributors' names"), RoleConfidence.High);
                    }
                }
                else if (!few && p.Share(p.Skus) >= 0.5)
                {
                    Overruled(ColumnRole.DistributorSku, "manufacturers", p.Describe(p.Skus, $"are {p.SkuDistributor} stock numbers"));
                }
                else if (!few && p.Share(p.PartNumbers) >= 0.6 && p.Share(p.RecognisedMakers) < 0.2)
                {
                    Overruled(ColumnRole.Mpn, "manufacturers", p.Describe(p.PartNumbers, "look like part numbers, not makers"));
                    c.Generic = true;
                }
                else if (c.Guess.Kind == HeaderKind.MakerOrDistributor && (p.Filled == 0 || makers < 0.5))
                {
                    Set(ColumnRole.Ignored, "'Vendor' names a maker in some BOMs and a distributor in others, and the values do not tell", RoleConfidence.Low, "content");
                }
                else
                {
                    Set(ColumnRole.Manufacturer, p.Describe(p.RecognisedMakers, "are makers the catalogue recognises"),
                        p.Share(p.RecognisedMakers) >= 0.5 ? RoleConfidence.High : RoleConfidence.Medium);
                }

                break;
            case HeaderKind.Mpn or HeaderKind.MpnGeneric or HeaderKind.Combined or HeaderKind.Alternate:
                if (p.Filled > 0 && p.Share(p.Skus) >= 0.6 && (!few || c.Guess.Kind == HeaderKind.MpnGeneric))
                {
                    if (c.Guess.Kind == HeaderKind.MpnGeneric)
                    {
                        Set(ColumnRole.DistributorSku, p.Describe(p.Skus, $"are {p.SkuDistributor} stock numbers"), RoleConfidence.High, "content");
                    }
                    else
                    {
                        Overruled(ColumnRole.DistributorSku, "manufacturer part numbers", p.Describe(p.Skus, $"are {p.SkuDistributor} stock numbers"));
                    }
                }
                else if (c.Guess.Kind == HeaderKind.MpnGeneric && p.Filled > 0 && p.Share(p.Designators) >= 0.7 && p.Share(p.PartNumbers) < 0.7)
                {
                    Set(ColumnRole.Designators, p.Describe(p.Designators, "are designator lists"), RoleConfidence.Medium, "content");
                }
                else if (p.Filled > 0 && p.Share(p.MakerAndPart) >= 0.4 && c.Guess.Kind is HeaderKind.Combined or HeaderKind.Alternate or HeaderKind.MpnGeneric)
                {
                    Set(ColumnRole.ManufacturerAndMpn, p.Describe(p.MakerAndPart, "are a maker's name followed by a part number"),
                        c.Guess.Kind == HeaderKind.Combined ? RoleConfidence.High : RoleConfidence.Medium);
                }
                else if (c.Guess.Kind == HeaderKind.MpnGeneric && p.Filled > 0 && p.Share(p.Descriptions) >= 0.6 && p.Share(p.PartNumbers) < 0.3)
                {
                    Set(ColumnRole.Description, p.Describe(p.Descriptions, "are descriptions"), RoleConfidence.Medium, "content");
                }
                else if (c.Guess.Kind is HeaderKind.Mpn or HeaderKind.MpnGeneric && !few && p.Share(p.PartNumbers) < 0.3 && p.Share(p.RecognisedMakers) >= 0.6)
                {
                    Overruled(ColumnRole.Manufacturer, "part numbers", p.Describe(p.RecognisedMakers, "are makers the catalogue recognises"));
                }
                else if (c.Guess.Kind == HeaderKind.Alternate && p.Filled > 0 && p.Share(p.PartNumbers) < 0.4 && makers >= 0.6)
                {
                    Set(ColumnRole.Manufacturer, p.Describe(p.RecognisedMakers, "are makers the catalogue recognises"), RoleConfidence.Medium, "content");
                }
                else if (c.Guess.Kind == HeaderKind.Alternate && p.Share(p.PartNumbers) < 0.4)
                {
                    Set(ColumnRole.Ignored, "neither part numbers nor makers", RoleConfidence.Low, "content");
                }
                else
                {
                    Set(c.Guess.Kind == HeaderKind.Combined ? ColumnRole.ManufacturerAndMpn : ColumnRole.Mpn, p.Describe(p.PartNumbers, "look like part numbers"),
                        c.Guess.Kind == HeaderKind.MpnGeneric || p.Share(p.PartNumbers) < 0.5 ? RoleConfidence.Medium : RoleConfidence.High);
                    c.Generic = c.Guess.Kind == HeaderKind.MpnGeneric;
                }

                break;
            case HeaderKind.Dnp:
                Set(ColumnRole.Dnp, p.Describe(p.DnpMarkers, "are DNP markers"), RoleConfidence.High);
                break;
            case HeaderKind.Populate:
                Set(ColumnRole.Populate, "a populate/fitted column: 'no' means not fitted", RoleConfidence.High);
                break;
            case HeaderKind.Variant:
                Set(ColumnRole.Variant, "a variant, config or status field: DNF/DNP there means not fitted", RoleConfidence.High);
                break;
            case HeaderKind.Internal:
                if (p.Filled > 0 && p.Share(p.Skus) >= 0.6)
                {
                    Set(ColumnRole.DistributorSku, p.Describe(p.Skus, $"are {p.SkuDistributor} stock numbers"), RoleConfidence.Medium, "content");
                }
                else if (!few && p.Share(p.Descriptions) >= 0.5 && p.Share(p.PartNumbers) < 0.3)
                {
                    Set(ColumnRole.Description, p.Describe(p.Descriptions, "are descriptions"), RoleConfidence.Medium, "content");
                }
                else
                {
                    Set(ColumnRole.InternalPartNumber, "the company's own part number: never a source", RoleConfidence.High);
                }

                break;
            case HeaderKind.Description:
                Set(ColumnRole.Description, "free text", RoleConfidence.High);
                break;
            case HeaderKind.Value:
                Set(ColumnRole.Value, p.Describe(p.Values, "are component values"), RoleConfidence.High);
                break;
            case HeaderKind.Footprint:
                Set(ColumnRole.Footprint, "a footprint or package", RoleConfidence.High);
                break;
            case HeaderKind.Critical:
                Set(ColumnRole.Critical, "the file's own criticality", RoleConfidence.High);
                break;
            case HeaderKind.DistributorSku:
                Set(ColumnRole.DistributorSku, p.Filled == 0 ? "a distributor's column" : p.Describe(p.Skus, "are distributor stock numbers by their shape"), RoleConfidence.High, "header");
                break;
            case HeaderKind.DistributorName:
                if (p.Filled > 0 && p.Share(p.RecognisedMakers) >= 0.6 && p.Share(p.DistributorNames) < 0.2)
                {
                    Overruled(ColumnRole.Manufacturer, "a distributor", p.Describe(p.RecognisedMakers, "are makers the catalogue recognises"));
                }
                else
                {
                    Set(ColumnRole.DistributorName, p.Describe(p.DistributorNames, "are distributors' names"), RoleConfidence.High);
                }

                break;
        }

        if (c.Role is ColumnRole.Manufacturer or ColumnRole.Mpn or ColumnRole.ManufacturerAndMpn)
        {
            c.Evidence = $"header {header}{(c.Guess.Number is { } n ? $" (source number {n.ToString(CultureInfo.InvariantCulture)})" : "")}{(c.Guess.Alternate ? " (an alternate)" : "")}; {c.Evidence}";
        }
        else
        {
            c.Evidence = $"header {header}; {c.Evidence}";
        }
    }

    /// <summary>A headerless column, typed by its values alone.</summary>
    private static void TypeByContent(Column c)
    {
        var p = c.Profile;
        void Set(ColumnRole role, string evidence)
        {
            c.Role = role;
            c.Evidence = "no header; " + evidence;
            c.Confidence = RoleConfidence.Medium;
            c.DecidedBy = "content";
        }

        if (p.Filled == 0)
        {
            Set(ColumnRole.Ignored, "the column is empty");
        }
        else if (p.Share(p.Sequential) >= 0.8)
        {
            Set(ColumnRole.Ignored, p.Describe(p.Sequential, "count up by one (a line number)"));
        }
        else if (p.Share(p.Designators) >= 0.8 && p.Share(p.Skus) < 0.5)
        {
            Set(ColumnRole.Designators, p.Describe(p.Designators, "are designator lists"));
        }
        else if (p.Share(p.Quantities) >= 0.9)
        {
            Set(ColumnRole.Quantity, p.Describe(p.Quantities, "are numbers"));
        }
        else if (p.Share(p.Skus) >= 0.7)
        {
            Set(ColumnRole.DistributorSku, p.Describe(p.Skus, $"are {p.SkuDistributor} stock numbers"));
        }
        else if (p.Share(p.RecognisedMakers) >= 0.5)
        {
            Set(ColumnRole.Manufacturer, p.Describe(p.RecognisedMakers, "are makers the catalogue recognises"));
        }
        else if (p.Share(p.MakerAndPart) >= 0.5)
        {
            Set(ColumnRole.ManufacturerAndMpn, p.Describe(p.MakerAndPart, "are a maker's name followed by a part number"));
        }
        else if (p.Share(p.PartNumbers) >= 0.7)
        {
            Set(ColumnRole.Mpn, p.Describe(p.PartNumbers, "look like part numbers"));
        }
        else if (p.Share(p.Descriptions) >= 0.5)
        {
            Set(ColumnRole.Description, p.Describe(p.Descriptions, "are descriptions"));
        }
        else if (p.Share(p.Values) >= 0.7)
        {
            Set(ColumnRole.Value, p.Describe(p.Values, "are component values"));
        }
        else
        {
            Set(ColumnRole.Ignored, "the values have no one shape");
        }
    }

    private static void RequireTyped(List<Column> columns, string file)
    {
        if (!columns.Any(c => c.Role is ColumnRole.Mpn or ColumnRole.ManufacturerAndMpn or ColumnRole.DistributorSku or ColumnRole.Designators))
        {
            throw new BomFileException(file, null, null,
                "the file has no header row, and no column's values have the shape of designators, part numbers or distributor stock numbers; " +
                "name the columns with --map (by number: --map mpn=#3 --map quantity=#2).");
        }
    }

    private static void KeepBest(List<Column> columns, ColumnRole role, Func<Column, double> score, string what, List<BomDiagnostic> notes)
    {
        var candidates = columns.Where(c => c.Role == role).ToList();
        if (candidates.Count < 2)
        {
            return;
        }

        var best = candidates.OrderByDescending(score).ThenBy(c => c.Index).First();
        foreach (var other in candidates.Where(c => c != best))
        {
            other.Role = ColumnRole.Ignored;
            other.Evidence += $"; passed over: '{best.Header}' holds more {what} ({Percent(score(best))} against {Percent(score(other))})";
            other.Confidence = RoleConfidence.Medium;
            other.DecidedBy = "content";
            notes.Add(new BomDiagnostic(FindingSeverity.Warning, null, other.Header,
                $"two columns could hold the {ColumnRoles.Describe(role, null)}: '{best.Header}' ({Percent(score(best))} {what}) is read, '{other.Header}' ({Percent(score(other))}) is not. Use --map refdes=… if that is wrong."));
        }
    }

    private static void KeepFirst(List<Column> columns, ColumnRole role, List<BomDiagnostic> notes)
    {
        var candidates = columns.Where(c => c.Role == role || (role == ColumnRole.Dnp && c.Role == ColumnRole.Populate)).ToList();
        foreach (var other in candidates.Skip(1))
        {
            other.Role = ColumnRole.Ignored;
            other.Evidence += $"; passed over: '{candidates[0].Header}' comes first";
            notes.Add(new BomDiagnostic(FindingSeverity.Info, null, other.Header,
                $"column '{other.Header}' is not read as the {ColumnRoles.Describe(role, null)}: '{candidates[0].Header}' is."));
        }
    }

    /// <summary>No column is named for the designators, yet one holds nothing but designator lists: read it, and say so.</summary>
    private static void FillDesignatorsFromContent(List<Column> columns, List<BomDiagnostic> notes)
    {
        if (columns.Any(c => c.Role == ColumnRole.Designators))
        {
            return;
        }

        var candidate = columns.Where(c => c.Role == ColumnRole.Ignored && c.Guess.Kind is HeaderKind.Unknown or HeaderKind.LineNumber
                && c.Profile.Filled >= 3 && c.Profile.Share(c.Profile.Designators) >= 0.8 && c.Profile.Share(c.Profile.Quantities) < 0.5)
            .OrderByDescending(c => c.Profile.Share(c.Profile.Designators)).FirstOrDefault();
        if (candidate is null)
        {
            return;
        }

        candidate.Role = ColumnRole.Designators;
        candidate.Evidence = $"header '{candidate.Header}' names no field; {candidate.Profile.Describe(candidate.Profile.Designators, "are designator lists")}";
        candidate.DecidedBy = "content";
        candidate.Confidence = RoleConfidence.Medium;
        notes.Add(new BomDiagnostic(FindingSeverity.Warning, null, candidate.Header,
            $"no column is named for the designators; '{candidate.Header}' holds designator lists in {Percent(candidate.Profile.Share(candidate.Profile.Designators))} of its values and is read as them."));
    }

    /// <summary>
    /// "Part Number" beside an explicit MPN column is someone's own or a distributor's number; alone, it is the MPN. Of
    /// several such columns, one named for a part number ("PN") wins over one read as part numbers by content ("Part").
    /// </summary>
    private static void ResolveGenericPartNumbers(List<Column> columns, List<BomDiagnostic> notes)
    {
        var explicitMpn = columns.Where(c => c.Role is ColumnRole.Mpn or ColumnRole.ManufacturerAndMpn && !c.Generic && !c.Guess.Alternate).ToList();
        var generics = columns.Where(c => c.Role == ColumnRole.Mpn && c.Generic).ToList();
        var named = generics.Where(c => c.Guess.Kind == HeaderKind.MpnGeneric && !c.Guess.Alternate).ToList();
        foreach (var generic in generics)
        {
            Column? winner = explicitMpn.FirstOrDefault() ?? (generic.Guess.Kind != HeaderKind.MpnGeneric ? named.FirstOrDefault() : null);
            if (winner is null || winner == generic)
            {
                continue;
            }

            var internalTaken = columns.Any(c => c.Role == ColumnRole.InternalPartNumber);
            generic.Role = internalTaken || generic.Guess.Kind != HeaderKind.MpnGeneric ? ColumnRole.Ignored : ColumnRole.InternalPartNumber;
            generic.Evidence += $"; not a manufacturer part number: '{winner.Header}' is";
            generic.DecidedBy = "header";
            notes.Add(new BomDiagnostic(FindingSeverity.Info, null, generic.Header,
                $"column '{generic.Header}' is not read as a manufacturer part number: '{winner.Header}' is."));
        }
    }

    /// <summary>
    /// Groups the source columns into sources. A maker column pairs with the nearest part-number column after it (or before
    /// it, when the part number comes first) that carries the same source number, or none when neither has one; what is left
    /// pairs with a column whose number is missing (Manufacturer1 beside an unnumbered MPN); the rest stand alone.
    /// </summary>
    private static List<SourceColumns> Pair(List<Column> columns)
    {
        var sourceColumns = columns.Where(c => c.Role is ColumnRole.Manufacturer or ColumnRole.Mpn or ColumnRole.ManufacturerAndMpn).ToList();
        var partnerOf = new Dictionary<Column, Column>();
        foreach (var exact in (bool[])[true, false])
        {
            for (var i = 0; i < sourceColumns.Count; i++)
            {
                var c = sourceColumns[i];
                if (c.Role == ColumnRole.ManufacturerAndMpn || partnerOf.ContainsKey(c))
                {
                    continue;
                }

                var partnerRole = c.Role == ColumnRole.Manufacturer ? ColumnRole.Mpn : ColumnRole.Manufacturer;
                for (var j = i + 1; j < sourceColumns.Count; j++)
                {
                    var o = sourceColumns[j];
                    if (partnerOf.ContainsKey(o) || o.Guess.Alternate != c.Guess.Alternate)
                    {
                        continue;
                    }

                    var same = c.Guess.Number == o.Guess.Number;
                    var agree = same || (!exact && (c.Guess.Number is null || o.Guess.Number is null));
                    if ((o.Role == c.Role && same) || o.Role == ColumnRole.ManufacturerAndMpn)
                    {
                        // The next column of the same kind and number starts the next source.
                        break;
                    }

                    if (o.Role == partnerRole && agree)
                    {
                        partnerOf[c] = o;
                        partnerOf[o] = c;
                        break;
                    }
                }
            }
        }

        var groups = new List<(bool Alternate, int Order, SourceColumns Group)>();
        var done = new HashSet<Column>();
        foreach (var c in sourceColumns)
        {
            if (!done.Add(c))
            {
                continue;
            }

            if (c.Role == ColumnRole.ManufacturerAndMpn)
            {
                groups.Add((c.Guess.Alternate, c.Index, new SourceColumns(null, null, c.Index)));
                continue;
            }

            var partner = partnerOf.GetValueOrDefault(c);
            if (partner is not null)
            {
                done.Add(partner);
            }

            var maker = c.Role == ColumnRole.Manufacturer ? c : partner;
            var mpn = c.Role == ColumnRole.Mpn ? c : partner;
            groups.Add((c.Guess.Alternate, c.Index, new SourceColumns(maker?.Index, mpn?.Index, null)));
        }

        return groups.OrderBy(g => g.Alternate).ThenBy(g => g.Order).Select(g => g.Group).ToList();
    }

    /// <summary>A maker column read as part numbers and a part-number column read as makers: say once that they were swapped.</summary>
    private static void NoteSwapped(List<Column> columns, List<BomDiagnostic> notes)
    {
        var makerHeaded = columns.FirstOrDefault(c => c.Guess.Kind == HeaderKind.Manufacturer && c.Role == ColumnRole.Mpn);
        var partHeaded = columns.FirstOrDefault(c => c.Guess.Kind is HeaderKind.Mpn or HeaderKind.MpnGeneric && c.Role == ColumnRole.Manufacturer);
        if (makerHeaded is null || partHeaded is null)
        {
            return;
        }

        makerHeaded.Generic = false;
        notes.Add(new BomDiagnostic(FindingSeverity.Warning, null, makerHeaded.Header,
            $"column '{makerHeaded.Header}' holds part numbers and '{partHeaded.Header}' holds manufacturer names: read them swapped. Use --map manufacturer=… --map mpn=… if that is wrong."));
    }

    /// <summary>A maker column full of part numbers beside a part-number column full of makers: the two are swapped.</summary>
    private static void CheckSwapped(List<Column> columns, List<SourceColumns> groups, List<BomDiagnostic> notes)
    {
        for (var g = 0; g < groups.Count; g++)
        {
            if (groups[g] is not { Manufacturer: { } m, Mpn: { } p })
            {
                continue;
            }

            var maker = columns[m];
            var part = columns[p];
            if (maker.Profile.Filled >= 3 && maker.Profile.Share(maker.Profile.PartNumbers) >= 0.8 && part.Profile.Share(part.Profile.RecognisedMakers + part.Profile.MakerNames) >= 0.8)
            {
                groups[g] = new SourceColumns(p, m, null);
                (maker.Role, part.Role) = (ColumnRole.Mpn, ColumnRole.Manufacturer);
                maker.Evidence += "; swapped with " + part.Header;
                part.Evidence += "; swapped with " + maker.Header;
                maker.DecidedBy = part.DecidedBy = "content";
                notes.Add(new BomDiagnostic(FindingSeverity.Warning, null, maker.Header,
                    $"column '{maker.Header}' holds part numbers and '{part.Header}' holds manufacturer names in most rows: read them swapped. Use --map manufacturer=… --map mpn=… if that is wrong."));
            }
        }
    }

    private static void ApplyOverrides(List<Column> columns, List<SourceColumns> groups, BomReadOptions options, string file, int? headerRow)
    {
        foreach (var (rawField, columnText) in options.Map)
        {
            var column = Find(columns, columnText)
                ?? throw new BomFileException(file, headerRow, null,
                    $"{options.MapLabel} {rawField}={columnText}: there is no such column; the columns are {string.Join(", ", columns.Select(c => c.Header.Length == 0 ? $"#{c.Index + 1}" : $"'{c.Header}'"))} (or #1 to #{columns.Count}).");
            if (!ColumnRoles.TryParse(rawField, out var role, out var source))
            {
                throw new BomFileException(file, null, null,
                    $"{options.MapLabel} {rawField}=…: '{rawField}' is not a field; use {string.Join(", ", ColumnRoles.Fields.Take(ColumnRoles.Fields.Count - 1))} or {ColumnRoles.Fields[^1]} (manufacturer, mpn and manufacturer-mpn take :N for the Nth source).");
            }

            // The column leaves whatever it was; a single field leaves the column that held it.
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g];
                groups[g] = new SourceColumns(group.Manufacturer == column.Index ? null : group.Manufacturer, group.Mpn == column.Index ? null : group.Mpn,
                    group.Combined == column.Index ? null : group.Combined);
            }

            if (role is not (ColumnRole.Manufacturer or ColumnRole.Mpn or ColumnRole.ManufacturerAndMpn or ColumnRole.Ignored or ColumnRole.Variant
                or ColumnRole.DistributorSku or ColumnRole.DistributorName))
            {
                foreach (var holder in columns.Where(c => c != column && (c.Role == role || (role is ColumnRole.Dnp or ColumnRole.Populate && c.Role is ColumnRole.Dnp or ColumnRole.Populate))))
                {
                    holder.Role = ColumnRole.Ignored;
                    holder.Evidence += $"; replaced by {options.MapLabel}";
                    holder.DecidedBy = options.MapLabel;
                }
            }

            column.Role = role;
            column.FreeText = false;
            column.Evidence = $"{options.MapLabel} {rawField}={columnText}";
            column.Confidence = RoleConfidence.High;
            column.DecidedBy = options.MapLabel;
            if (source is { } n)
            {
                while (groups.Count < n)
                {
                    groups.Add(new SourceColumns(null, null, null));
                }

                var at = n - 1;
                groups[at] = role switch
                {
                    ColumnRole.Manufacturer => groups[at] with { Manufacturer = column.Index },
                    ColumnRole.Mpn => groups[at] with { Mpn = column.Index },
                    _ => groups[at] with { Combined = column.Index },
                };
            }
        }
    }

    private static Column? Find(List<Column> columns, string text)
    {
        var wanted = text.Trim();
        if (wanted.StartsWith('#') && int.TryParse(wanted.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= columns.Count)
        {
            return columns[position - 1];
        }

        return columns.FirstOrDefault(c => string.Equals(c.Header, wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static string Percent(double share) => (Math.Min(1, share) * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
}
