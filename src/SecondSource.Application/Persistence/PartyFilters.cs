using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Persistence;

/// <summary>
/// The party isolation's query filters (ADR 0002), written once with the context as a parameter: the model builder
/// binds them to the context building the model, the compiled SQLite model (ADR 0020) binds them to a stand-in that the
/// query pipeline replaces with the running context, exactly as it replaces the builder's. A manufacturer sees its own
/// rows of every <see cref="IPartyOwned"/> entity, none of an <see cref="IBuyerOnly"/> one, the buyer and itself among
/// parties, and the programs, products, BOMs, parts and AVL entries its lines take part in.
/// </summary>
public static class PartyFilters
{
    /// <summary>The filter of each of <paramref name="entityTypes"/> that has one, with the context bound to <paramref name="context"/>.</summary>
    public static IEnumerable<(Type Entity, LambdaExpression Filter)> For(IEnumerable<Type> entityTypes, Expression context)
    {
        ArgumentNullException.ThrowIfNull(entityTypes);
        ArgumentNullException.ThrowIfNull(context);
        var types = entityTypes.ToList();
        var filters = new Dictionary<Type, LambdaExpression>();
        foreach (var type in types.Where(typeof(IPartyOwned).IsAssignableFrom))
        {
            filters[type] = Generic(nameof(OwnRowsOnly), type);
        }

        foreach (var type in types.Where(typeof(IBuyerOnly).IsAssignableFrom))
        {
            filters[type] = Generic(nameof(BuyerOnly), type);
        }

        foreach (var (type, filter) in Explicit)
        {
            if (types.Contains(type))
            {
                filters[type] = filter;
            }
        }

        return filters.Select(f => (f.Key, Bind(f.Value, context)));
    }

    private static readonly (Type Entity, LambdaExpression Filter)[] Explicit =
    [
        // A manufacturer sees the buyer and itself, never another manufacturer.
        Of<Party>((c, p) => !c.PartyRestricted || p.Id == c.ScopedPartyId || p.Kind == PartyKind.Buyer),

        // A manufacturer sees the programs (and their products) its lines take part in, and no others.
        Of<ProductProgram>((c, p) => !c.PartyRestricted || p.Lines.Any(l => l.PartyId == c.ScopedPartyId)),
        Of<Product>((c, p) => !c.PartyRestricted || c.Set<ProgramLine>().Any(l => l.PartyId == c.ScopedPartyId && c.Set<ProductProgram>().Any(pp => pp.Id == l.ProgramId && pp.ProductId == p.Id))),

        // A product's equivalence margins go with the product's visibility (the buyer sets them; the lines read them).
        Of<Domain.Statistics.MeasurementMargin>((c, m) => !c.PartyRestricted || c.Set<ProgramLine>().Any(l => l.PartyId == c.ScopedPartyId && c.Set<ProductProgram>().Any(pp => pp.Id == l.ProgramId && pp.ProductId == m.ProductId))),

        // A product's BOM revisions, their lines and sources go with the product's visibility.
        Of<BomRevision>((c, r) => !c.PartyRestricted || c.Set<ProgramLine>().Any(l => l.PartyId == c.ScopedPartyId && c.Set<ProductProgram>().Any(pp => pp.Id == l.ProgramId && pp.ProductId == r.ProductId))),
        Of<BomRevisionLine>((c, line) => !c.PartyRestricted || c.Set<BomRevision>().Any(r => r.Id == line.RevisionId)),
        Of<BomRevisionSource>((c, s) => !c.PartyRestricted || c.Set<BomRevisionLine>().Any(l => l.Id == s.LineId)),

        // A part, its AVL entries and their qualification records are seen where a visible BOM revision uses the part.
        // Line acceptances and change records are party-owned: a manufacturer sees its own line's only.
        Of<Part>((c, p) => !c.PartyRestricted || c.Set<BomRevisionLine>().Any(l => l.PartId == p.Id)),
        Of<AvlEntry>((c, e) => !c.PartyRestricted || c.Set<Part>().Any(p => p.Id == e.PartId)),
        Of<QualificationRecord>((c, q) => !c.PartyRestricted || c.Set<AvlEntry>().Any(e => e.Id == q.EntryId)),
        Of<QualificationEvidence>((c, e) => !c.PartyRestricted || c.Set<QualificationRecord>().Any(q => q.Id == e.RecordId)),
    ];

    private static (Type, LambdaExpression) Of<TEntity>(Expression<Func<SecondSourceDbContext, TEntity, bool>> filter) => (typeof(TEntity), filter);

    private static Expression<Func<SecondSourceDbContext, TEntity, bool>> OwnRowsOnly<TEntity>()
        where TEntity : class, IPartyOwned =>
        (c, e) => !c.PartyRestricted || EF.Property<PartyId>(e, nameof(IPartyOwned.PartyId)) == c.ScopedPartyId;

    private static Expression<Func<SecondSourceDbContext, TEntity, bool>> BuyerOnly<TEntity>()
        where TEntity : class, IBuyerOnly =>
        (c, _) => !c.PartyRestricted;

    private static LambdaExpression Generic(string method, Type entity) =>
        (LambdaExpression)typeof(PartyFilters).GetMethod(method, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entity).Invoke(null, null)!;

    /// <summary>(context, entity) => body becomes entity => body with the context replaced by <paramref name="context"/>.</summary>
    private static LambdaExpression Bind(LambdaExpression filter, Expression context) =>
        Expression.Lambda(new Replace(filter.Parameters[0], context).Visit(filter.Body), filter.Parameters[1]);

    private sealed class Replace(ParameterExpression parameter, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : node;
    }
}
