package org.gridgov.launcher;

import java.util.List;
import java.util.concurrent.Callable;
import org.gridgov.ingestion.datax.LocalDataxRunner;
import org.gridgov.ingestion.gateway.GatewayMain;
import org.gridgov.ingestion.open311.Open311Import;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * The ingestion commands. Each hands its arguments unchanged to the ingestion module's main, so the command line
 * documented there (and in ingestion/README.md) is the one users type after {@code ./gridgov}.
 */
final class IngestCommands {

    private IngestCommands() {}

    @Command(
            name = "ingest",
            description = {
                "Run a DataX job file against the warehouse with the local runner (same files as production DataX).",
                "Usage: gridgov ingest <job.json> [--param.NAME=VALUE ...] [--warehouse.jdbc-url=... --warehouse.dialect=mysql]",
                "Reports rows read / written / rejected; rejects go to dlq_record, reconciliation to audit_ingest."
            })
    static final class Ingest implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "ARGS")
        List<String> args;

        @Unmatched
        List<String> rest;

        @Override
        public Integer call() {
            return LocalDataxRunner.run(HandedOverArguments.of(args, rest), System.out, System.err);
        }
    }

    @Command(
            name = "gateway",
            description = {
                "Kafka intake gateway: publish files (--gateway.input=...) or serve POST /intake/<source> over HTTP;",
                "valid records go to raw.<source>, rejects with their reason to dlq.<source> and dlq_record.",
                "HTTP needs the source systems' keys (GRIDGOV_GATEWAY_KEYS or --gateway.keys-file); see ingestion/README.md."
            })
    static final class Gateway implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "ARGS")
        List<String> args;

        @Unmatched
        List<String> rest;

        @Override
        public Integer call() {
            return GatewayMain.run(HandedOverArguments.of(args, rest), System.out, System.err, null);
        }
    }

    @Command(
            name = "open311",
            description = {
                "Import an Open311 GeoReport v2 requests.json export as 12345 cases through the intake gateway."
            })
    static final class Open311 implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "ARGS")
        List<String> args;

        @Unmatched
        List<String> rest;

        @Override
        public Integer call() {
            return Open311Import.run(HandedOverArguments.of(args, rest), System.out, System.err);
        }
    }
}
