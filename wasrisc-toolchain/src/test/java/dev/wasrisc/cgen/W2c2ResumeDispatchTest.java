package dev.wasrisc.cgen;

import static dev.wasrisc.cgen.RewriteFixtures.assertMissed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class W2c2ResumeDispatchTest {

    private final CRewrite rewrite = RewriteFixtures.rewrite("w2c2 2a31254", "guest.c");

    /** The shape w2c2 gives a function of Go's: a loop whose head switches on the resume index. */
    private static final String GO_FUNCTION = """
            U32 guest_f20(guestInstance*i,U32 l0) {
            U32 l1=0;
            U32 si0,si1;
            L2:;
            W2C2_LOOP_START
            {
            si0=l0;
            switch(si0){
            case 0:
            goto L29;
            case 1:
            goto L28;
            default:
            goto L3;
            }
            L29:;
            if(si0){
            si0=1U;
            l0=si0;
            goto L2;
            }
            L28:;
            si0=7U;
            l0=si0;
            goto L2;
            L3:;
            goto L23;
            }
            }
            """;

    @Test
    void backwardBranchesGoStraightToTheirBlockAndEntryTestsForZeroFirst() {
        String threaded = W2c2ResumeDispatch.thread(rewrite, "/* header */\n" + GO_FUNCTION);

        assertThat(threaded).startsWith("/* header */\n")
                .contains("si0=l0;\nif(__builtin_expect(si0==0U,1))goto L29;\nswitch(si0){\ncase 0:\ngoto L29;")
                .contains("si0=1U;\nl0=si0;\ngoto L28;")
                .contains("si0=7U;\nl0=si0;\ngoto L3;") // no case 7: the switch's default
                .contains("goto L23;")
                .doesNotContain("goto L2;");
        assertThat(rewrite.counts()).containsEntry(W2c2ResumeDispatch.FUNCTIONS, 1L)
                .containsEntry("resume jumps threaded", 2L);
        W2c2ResumeDispatch.requireThreaded(rewrite);
    }

    @Test
    void functionsOfAnotherShapeStayAsTheyAre() {
        String rust = """
                U32 guest_f3(guestInstance*i,U32 l0) {
                U32 si0;
                L1:;
                si0=l0;
                switch(si0){
                case 0:
                goto L1;
                default:
                goto L2;
                }
                L2:;
                return 0U;
                }
                """;

        assertThat(W2c2ResumeDispatch.thread(rewrite, rust)).isEqualTo(rust);
        assertThat(rewrite.counts()).containsEntry(W2c2ResumeDispatch.FUNCTIONS, 0L);
    }

    @Test
    void refusesAResumeHeadWhoseSwitchHasNoDefault() {
        // Left alone, the function would keep its jump table in a cell that says it has none.
        String noDefault = GO_FUNCTION.replace("default:\ngoto L3;\n}", "}");

        assertMissed(() -> W2c2ResumeDispatch.thread(rewrite, noDefault))
                .hasMessageContaining("w2c2 2a31254's guest.c: function guest_f20 has the resume loop's head")
                .hasMessageContaining("default:");
    }

    @Test
    void aModuleWithNoResumeHeadAnywhereIsRefusedWhereOneIsRequired() {
        // What w2c2 would write for Go if it wrote the head another way: none would be threaded.
        String otherHead = GO_FUNCTION.replace("W2C2_LOOP_START\n{\nsi0=l0;\n", "W2C2_LOOP_START\n{\nsi0=l0+0U;\n");
        W2c2ResumeDispatch.thread(rewrite, otherHead);
        W2c2ResumeDispatch.thread(rewrite.in("s0000000001.c"), otherHead);

        assertMissed(() -> W2c2ResumeDispatch.requireThreaded(rewrite))
                .hasMessageContaining("w2c2 2a31254 wrote no functions threaded in any file")
                .hasMessageContaining("(pattern: (L\\d+):;");
    }
}
