using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BoDashboard.Studies.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TrialQueuedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "QueuedAt",
                table: "trials",
                type: "timestamp with time zone",
                nullable: true);

            // Rows from before this column: queued when they started (a trial row is created when it is first claimed).
            migrationBuilder.Sql("UPDATE trials SET \"QueuedAt\" = \"StartedAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "QueuedAt",
                table: "trials");
        }
    }
}
