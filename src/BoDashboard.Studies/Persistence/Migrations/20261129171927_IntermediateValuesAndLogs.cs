using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BoDashboard.Studies.Persistence.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrialId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    MetricsJson = table.Column<string>(type: "TEXT", nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO intermediate_values (TrialId, Step, Value, MetricsJson, ReportedAt)
SELECT t.Id, json_extract(e.value, '$.epoch'), json_extract(e.value, '$.validationAccuracy'),
       json_object('train_loss', json_extract(e.value, '$.trainLoss'), 'train_accuracy', json_extract(e.value, '$.trainAccuracy'),
                   'learning_rate', json_extract(e.value, '$.learningRate'), 'seconds', json_extract(e.value, '$.seconds')),
       COALESCE(t.FinishedAt, t.StartedAt)
FROM trials t, json_each(t.IntermediateJson) e
WHERE t.IntermediateJson IS NOT NULL AND json_extract(e.value, '$.validationAccuracy') IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "IntermediateJson",
                table: "trials");

            migrationBuilder.AddColumn<string>(
                name: "LogTail",
                table: "trials",
                type: "TEXT",
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
                type: "TEXT",
                nullable: true);
        }
    }
}
