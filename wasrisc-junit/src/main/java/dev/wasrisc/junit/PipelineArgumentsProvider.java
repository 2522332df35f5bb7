package dev.wasrisc.junit;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.Pipeline;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.pipeline.Backend;
import dev.wasrisc.pipeline.Pipelines;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** Expands {@link PipelineSource} into pipeline cells (and guests), named for the test report. */
public final class PipelineArgumentsProvider implements ArgumentsProvider, AnnotationConsumer<PipelineSource> {

    private PipelineSource source;

    @Override
    public void accept(PipelineSource annotation) {
        this.source = annotation;
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        List<Pipeline> cells = cells(source);
        if (source.guests().length == 0) {
            String guestLabel = guestParameterNames(context.getRequiredTestMethod());
            return cells.stream().map(cell -> Arguments.argumentSet(label(guestLabel, cell), cell));
        }
        Wasrisc wasrisc = WasriscExtension.session(context);
        List<Arguments> arguments = new ArrayList<>();
        List<String> names = Arrays.equals(source.guests(), new String[] {PipelineSource.ALL_GUESTS})
                ? wasrisc.guests().names()
                : Arrays.asList(source.guests());
        for (String name : names) {
            GuestProgram guest = wasrisc.guest(name, WasriscExtension::publish);
            for (Pipeline cell : cells) {
                arguments.add(Arguments.argumentSet(label(name, cell), cell, guest));
            }
        }
        return arguments.stream();
    }

    static List<Pipeline> cells(PipelineSource source) {
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
        if (source.compilers().length == 0) {
            return cells;
        }
        // Each cell that compiles transpiled C once per compiler named; the others once.
        List<Pipeline> crossed = new ArrayList<>();
        for (Pipeline cell : cells) {
            if (Pipelines.backend(cell.name()).compilesTranspiledC()) {
                for (String compiler : source.compilers()) {
                    crossed.add(Pipeline.of(cell.name(), cell.optLevel(), compiler));
                }
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
