using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BoDashboard.Studies.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class IntermediateValuesAndLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "intermediate_values",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrialId = table.Column<int>(type: "integer", nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    MetricsJson = table.Column<string>(type: "text", nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intermediate_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_intermediate_values_trials_TrialId",
                        column: x => x.TrialId,
                        principalTable: "trials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_intermediate_values_TrialId_Step",
                table: "intermediate_values",
                columns: new[] { "TrialId", "Step" },
                unique: true);

            // Learning curves stored by earlier versions (per-epoch JSON on the trial) become intermediate values:
            // step = epoch, value = validation accuracy, the rest as metrics.
            migrationBuilder.Sql(@"INSERT INTO intermediate_values (""TrialId"", ""Step"", ""Value"", ""MetricsJson"", ""ReportedAt"")
SELECT t.""Id"", (e->>'epoch')::integer, (e->>'validationAccuracy')::double precision,
       json_build_object('train_loss', (e->>'trainLoss')::double precision, 'train_accuracy', (e->>'trainAccuracy')::double precision,
                         'learning_rate', (e->>'learningRate')::double precision, 'seconds', (e->>'seconds')::double precision)::text,
       COALESCE(t.""FinishedAt"", t.""StartedAt"")
FROM trials t CROSS JOIN LATERAL jsonb_array_elements(t.""IntermediateJson""::jsonb) e
WHERE t.""IntermediateJson"" IS NOT NULL AND e->>'validationAccuracy' IS NOT NULL
ON CONFLICT DO NOTHING;");

            migrationBuilder.DropColumn(
                name: "IntermediateJson",
                table: "trials");

            migrationBuilder.AddColumn<string>(
                name: "LogTail",
                table: "trials",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "intermediate_values");

            migrationBuilder.DropColumn(
                name: "LogTail",
                table: "trials");

            migrationBuilder.AddColumn<string>(
                name: "IntermediateJson",
                table: "trials",
                type: "text",
                nullable: true);
        }
    }
}
