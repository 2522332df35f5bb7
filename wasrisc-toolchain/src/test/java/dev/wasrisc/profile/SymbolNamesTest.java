package dev.wasrisc.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Symbols as rustc 1.96 and older rustc versions write them, taken from real guest binaries. */
class SymbolNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            _RNvNvNtCsbFNJJbAKXGR_5alloc3fmt6format12format_inner | alloc::fmt::format::format_inner
            _RNvMsa_NtCsevcP6LVXmkY_4core3fmtNtB5_9Formatter12pad_integral | <core::fmt::Formatter>::pad_integral
            _RNvXse_NtNtCsevcP6LVXmkY_4core3fmt3numhNtB7_8LowerHex3fmt | <u8 as core::fmt::LowerHex>::fmt
            _RNvXsZ_NtCsbFNJJbAKXGR_5alloc6stringNtB5_6StringNtNtCsevcP6LVXmkY_4core3fmt5Write9write_str | <alloc::string::String as core::fmt::Write>::write_str
            _RNvMs4_NtCsbFNJJbAKXGR_5alloc7raw_vecNtB5_11RawVecInner11finish_growB7_.llvm.12206899269363775163 | <alloc::raw_vec::RawVecInner>::finish_grow
            _ZN3std2io5stdio6_print17h0123456789abcdefE | std::io::stdio::_print
            _ZN58_$LT$alloc..string..String$u20$as$u20$core..fmt..Write$GT$9write_str17h0123456789abcdefE | <alloc::string::String as core::fmt::Write>::write_str
            runtime.mallocgc | runtime.mallocgc
            w2c_runtime_mallocgc | w2c_runtime_mallocgc
            _RNvCsNOTVALID | _RNvCsNOTVALID
            """)
    void readable(String symbol, String expected) {
        assertThat(SymbolNames.readable(symbol)).isEqualTo(expected);
    }
}
