package dev.wasrisc.junit;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.pipeline.Backend;
import dev.wasrisc.pipeline.Pipelines;
import dev.wasrisc.resolve.CellResolver;
import dev.wasrisc.resolve.Resolution;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.PreconditionViolationException;

/** Expands {@link PipelineSource} into pipeline cells (and guests), named for the test report. */
public final class PipelineArgumentsProvider extends AnnotationBasedArgumentsProvider<PipelineSource> {

    @Override
    protected Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context,
            PipelineSource source) {
        List<Pipeline> cells = cells(source);
        if (source.guests().length == 0) {
            String guestLabel = guestParameterNames(context.getRequiredTestMethod());
            return cells.stream().map(cell -> Arguments.argumentSet(label(guestLabel, cell), cell));
        }
        requireGuestParameter(context.getRequiredTestMethod());
        Wasrisc wasrisc = WasriscExtension.session(context);
        List<Arguments> arguments = new ArrayList<>();
        boolean all = Arrays.equals(source.guests(), new String[] {PipelineSource.ALL_GUESTS});
        List<String> names = all ? wasrisc.guests().names() : Arrays.asList(source.guests());
        for (String name : names) {
            GuestProgram guest = wasrisc.guest(name, WasriscExtension::publish);
            if (all && guest.guest().settings().heavy() || !inLanguages(source, guest)) {
                continue;
            }
            for (Pipeline cell : cells) {
                if (CellResolver.plan(guest.guest(), cell) instanceof Resolution.Refusal refusal
                        && refusal.outsideMatrix()) {
                    continue; // a Go toolchain means nothing to C and Rust guests
                }
                arguments.add(Arguments.argumentSet(label(name, cell), cell, guest));
            }
        }
        return arguments.stream();
    }

    /** Misuse fails at discovery, naming the method, rather than as a parameter JUnit cannot resolve. */
    private static void requireGuestParameter(Method method) {
        boolean hasOne = Arrays.stream(method.getParameters())
                .anyMatch(p -> p.getType() == GuestProgram.class && !p.isAnnotationPresent(Guest.class));
        if (!hasOne) {
            throw new PreconditionViolationException("@PipelineSource(guests = ...) on " + method.getDeclaringClass()
                    .getSimpleName() + "." + method.getName() + " passes each guest as a GuestProgram parameter "
                    + "after the Pipeline, but the method has none: declare (Pipeline pipeline, GuestProgram guest)");
        }
    }

    private static boolean inLanguages(PipelineSource source, GuestProgram guest) {
        return source.languages().length == 0
                || Arrays.asList(source.languages()).contains(guest.guest().language().name());
    }

    /**
     * The cells of {@code source}. Each attribute that crosses the cells changes its own part of
     * each cell through {@code Pipeline.with…}, so the cell keeps the rest (options, variant,
     * compiler, toolchain); each cell made is checked against the matrix.
     */
    static List<Pipeline> cells(PipelineSource source) {
        List<Pipeline> cells = source.cells().length > 0
                ? crossLevels(crossPipelines(Arrays.stream(source.cells()).map(Pipelines::parse).toList(),
                        source.pipelines()), source.optLevels())
                : namedCells(source);
        List<Pipeline> crossed = crossGoToolchains(crossCompilers(cells, source.compilers()), source.goToolchains());
        crossed.forEach(Pipelines::backend); // an option the pipeline does not have fails here, naming it
        return crossed.stream().distinct().toList();
    }

    private static List<Pipeline> namedCells(PipelineSource source) {
        List<Pipeline> defaults = Pipelines.defaultCells();
        List<String> names = source.pipelines().length > 0
                ? Arrays.asList(source.pipelines())
                : Pipelines.all().stream().map(Backend::name).toList();
        List<Pipeline> cells = new ArrayList<>();
        for (String name : names) {
            Pipelines.backend(name); // an unknown name fails here, listing the known ones
            if (source.optLevels().length > 0) {
                for (int level : source.optLevels()) {
                    cells.add(Pipeline.of(name, level));
                }
            } else {
                defaults.stream().filter(cell -> cell.name().equals(name)).forEach(cells::add);
            }
        }
        return cells;
    }

    /** Each of the cells given exactly ({@code cells}) on each pipeline named. */
    private static List<Pipeline> crossPipelines(List<Pipeline> cells, String[] pipelines) {
        return cross(cells, Arrays.asList(pipelines), Pipeline::withPipeline);
    }

    /** Each of the cells given exactly ({@code cells}) at each level named. */
    private static List<Pipeline> crossLevels(List<Pipeline> cells, int[] levels) {
        return cross(cells, Arrays.stream(levels).boxed().toList(), Pipeline::withOptLevel);
    }

    /** Each cell that compiles transpiled C once per compiler named; the others once. */
    private static List<Pipeline> crossCompilers(List<Pipeline> cells, String[] compilers) {
        return cross(cells, Arrays.asList(compilers), cell -> Pipelines.backend(cell.name()).compilesTranspiledC(),
                Pipeline::withCompiler);
    }

    /** Each cell once per Go toolchain named ({@link PipelineSource#INSTALLED_GO}: the installed one). */
    private static List<Pipeline> crossGoToolchains(List<Pipeline> cells, String[] toolchains) {
        return cross(cells, Arrays.asList(toolchains), (cell, toolchain) ->
                cell.withGoToolchain(toolchain.equals(PipelineSource.INSTALLED_GO) ? "" : toolchain));
    }

    private static <T> List<Pipeline> cross(List<Pipeline> cells, List<T> values,
            BiFunction<Pipeline, T, Pipeline> with) {
        return cross(cells, values, cell -> true, with);
    }

    /**
     * Each cell that {@code applies} once per value, with that part of it changed ({@code with}, a
     * {@code Pipeline.with…} method); the others, and every cell when there are no values, as they are.
     */
    private static <T> List<Pipeline> cross(List<Pipeline> cells, List<T> values, Predicate<Pipeline> applies,
            BiFunction<Pipeline, T, Pipeline> with) {
        if (values.isEmpty()) {
            return cells;
        }
        List<Pipeline> crossed = new ArrayList<>();
        for (Pipeline cell : cells) {
            if (applies.test(cell)) {
                values.forEach(value -> crossed.add(with.apply(cell, value)));
            } else {
                crossed.add(cell);
            }
        }
        return crossed;
    }

    private static String guestParameterNames(Method method) {
        return Arrays.stream(method.getParameters())
                .map(p -> p.getAnnotation(Guest.class))
                .filter(java.util.Objects::nonNull)
                .map(Guest::value)
                .collect(Collectors.joining(", "));
    }

    private static String label(String guests, Pipeline cell) {
        return guests.isEmpty() ? cell.displayName() : guests + " · " + cell.displayName();
    }
}
