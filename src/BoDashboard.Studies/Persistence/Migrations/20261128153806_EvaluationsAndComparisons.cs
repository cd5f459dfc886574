using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BoDashboard.Studies.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationsAndComparisons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ComparedWithStudyId",
                table: "studies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "evaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StudyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ParamsJson = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TestAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evaluations_studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_studies_ComparedWithStudyId",
                table: "studies",
                column: "ComparedWithStudyId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluations_StudyId",
                table: "evaluations",
                column: "StudyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluations");

            migrationBuilder.DropIndex(
                name: "IX_studies_ComparedWithStudyId",
                table: "studies");

            migrationBuilder.DropColumn(
                name: "ComparedWithStudyId",
                table: "studies");
        }
    }
}
