package dev.reelforge.picovico;

import java.util.function.Function;

/** The outcome of reading part of a request: a value, or the Picovico error to answer the client with. */
public sealed interface Parsed<T> {

    record Ok<T>(T value) implements Parsed<T> {}

    record Rejected<T>(PicovicoError error) implements Parsed<T> {}

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> rejected(PicovicoError error) {
        return new Rejected<>(error);
    }

    default <R> Parsed<R> map(Function<? super T, ? extends R> mapper) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(mapper.apply(ok.value()));
            case Rejected<T> rejected -> new Rejected<>(rejected.error());
        };
    }

    default <R> Parsed<R> flatMap(Function<? super T, Parsed<R>> mapper) {
        return switch (this) {
            case Ok<T> ok -> mapper.apply(ok.value());
            case Rejected<T> rejected -> new Rejected<>(rejected.error());
        };
    }
}
