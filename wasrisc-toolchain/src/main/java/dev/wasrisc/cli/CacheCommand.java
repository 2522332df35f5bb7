package dev.wasrisc.cli;

import dev.wasrisc.build.CacheInventory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code wasrisc cache [prune --older-than 30d --max-size 20G | verify]}: the local build cache's
 * size, pruning it, and checking every entry against its manifest.
 */
final class CacheCommand {

    private final CacheInventory inventory;
    private final PrintStream out;

    CacheCommand(CacheInventory inventory, PrintStream out) {
        this.inventory = inventory;
        this.out = out;
    }

    int run(List<String> argv) {
        Args args = Args.parse(argv, Set.of("--older-than", "--max-size"), Set.of());
        try {
            if (args.positionals.isEmpty()) {
                show();
                return 0;
            }
            if (args.positionals.equals(List.of("verify"))) {
                return verify();
            }
            if (!args.positionals.equals(List.of("prune"))) {
                throw new Args.UsageException("cache takes no argument, 'prune' or 'verify', was " + args.positionals);
            }
            Duration olderThan = args.option("--older-than").map(CacheCommand::duration).orElse(null);
            long maxBytes = args.option("--max-size").map(CacheCommand::bytes).orElse(-1L);
            if (olderThan == null && maxBytes < 0) {
                throw new Args.UsageException("cache prune needs --older-than AGE (such as 30d, 12h) and/or --max-size "
                        + "SIZE (such as 20G, 500M)");
            }
            List<CacheInventory.Item> removed = inventory.prune(olderThan, maxBytes, Instant.now());
            long freed = removed.stream().mapToLong(CacheInventory.Item::bytes).sum();
            out.printf("removed %d entries (%s), least recently used first%n", removed.size(), human(freed));
            show();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the build cache at " + inventory.root() + " failed", e);
        }
    }

    /** 0 when every entry matches its manifest, 1 when one does not (the next use rebuilds it). */
    private int verify() throws IOException {
        List<CacheInventory.Item> entries = inventory.entries();
        long start = System.nanoTime();
        List<CacheInventory.Finding> findings = inventory.verify();
        long millis = (System.nanoTime() - start) / 1_000_000;
        findings.forEach(f -> out.printf("%s %s: %s%n", f.damaged() ? "DAMAGED" : "unchecked", f.key(), f.problem()));
        long damaged = findings.stream().filter(CacheInventory.Finding::damaged).count();
        out.printf("%d entries (%s) in %,d ms: %d verified, %d damaged (rebuilt on next use), %d without a manifest%n",
                entries.size(), human(entries.stream().mapToLong(CacheInventory.Item::bytes).sum()), millis,
                entries.size() - findings.size(), damaged, findings.size() - damaged);
        return damaged > 0 ? 1 : 0;
    }

    private void show() throws IOException {
        List<CacheInventory.Item> entries = inventory.entries();
        long bytes = entries.stream().mapToLong(CacheInventory.Item::bytes).sum();
        out.printf("build cache %s%n", inventory.root());
        out.printf("  entries    %6d  %10s%s%n", entries.size(), human(bytes), entries.isEmpty() ? ""
                : "  (last used " + entries.get(0).lastUsed() + " … " + entries.get(entries.size() - 1).lastUsed() + ")");
        List<CacheInventory.Item> actions = entries.stream().filter(CacheInventory.Item::isAction).toList();
        out.printf("    cells    %6d  %10s%n", entries.size() - actions.size(),
                human(bytes - actions.stream().mapToLong(CacheInventory.Item::bytes).sum()));
        out.printf("    actions  %6d  %10s  (compiles, links, transpiles: shared by the cells that run them)%n",
                actions.size(), human(actions.stream().mapToLong(CacheInventory.Item::bytes).sum()));
        out.printf("  shared            %10s  (cargo and Go build caches, reused across entries)%n", human(inventory.size("shared")));
        out.printf("  platform          %10s%n", human(inventory.size("platform")));
        out.printf("  temporary  %6d  %10s  (builds running now, or left by a killed one until the next session)%n",
                inventory.temporaryFolders(), human(inventory.size("tmp")));
    }

    static Duration duration(String text) {
        var match = java.util.regex.Pattern.compile("(\\d+)([dhm])").matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!match.matches()) {
            throw new Args.UsageException("an age is a number and d, h or m (such as 30d), was '" + text + "'");
        }
        long n = Long.parseLong(match.group(1));
        return switch (match.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }

    static long bytes(String text) {
        var match = java.util.regex.Pattern.compile("(\\d+)([kmgt]?)b?").matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!match.matches()) {
            throw new Args.UsageException("a size is a number and K, M, G or T (such as 20G), was '" + text + "'");
        }
        int shift = "kmgt".indexOf(match.group(2).isEmpty() ? "?" : match.group(2)) + 1;
        return Long.parseLong(match.group(1)) << (10 * shift);
    }

    static String human(long bytes) {
        if (bytes < 1 << 20) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1L << 30) {
            return String.format("%.1f MB", bytes / (double) (1 << 20));
        }
        return String.format("%.2f GB", bytes / (double) (1L << 30));
    }
}
