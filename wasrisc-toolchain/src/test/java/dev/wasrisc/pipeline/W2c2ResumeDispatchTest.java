package dev.wasrisc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class W2c2ResumeDispatchTest {

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
        String threaded = W2c2ResumeDispatch.thread("/* header */\n" + GO_FUNCTION);

        assertThat(threaded).startsWith("/* header */\n")
                .contains("si0=l0;\nif(__builtin_expect(si0==0U,1))goto L29;\nswitch(si0){\ncase 0:\ngoto L29;")
                .contains("si0=1U;\nl0=si0;\ngoto L28;")
                .contains("si0=7U;\nl0=si0;\ngoto L3;") // no case 7: the switch's default
                .contains("goto L23;")
                .doesNotContain("goto L2;");
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

        assertThat(W2c2ResumeDispatch.thread(rust)).isEqualTo(rust);
    }
}
