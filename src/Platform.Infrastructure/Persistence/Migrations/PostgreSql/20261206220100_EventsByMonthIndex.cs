using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Infrastructure.Persistence.Migrations.PostgreSql;

/// <summary>
/// Hand-written (issue 13): the events calendar reads a month of a tenant's published events by an index range on the
/// start, independent of the tenant's history (<see cref="EventIndexes"/>). EF cannot declare an index over a complex
/// property's column, so it lives outside the model: no designer file.
/// </summary>
[DbContext(typeof(PostgreSqlDbContext))]
[Migration("20261206220100_EventsByMonthIndex")]
public sealed class EventsByMonthIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => EventIndexes.Create(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => EventIndexes.Drop(migrationBuilder);
}
