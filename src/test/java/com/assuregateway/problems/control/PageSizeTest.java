package com.assuregateway.problems.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import org.junit.jupiter.api.Test;

class PageSizeTest {

    @Test
    void noLimitIsTheDefaultAndOneInRangeIsTaken() {
        assertThat(PageSize.of(null, 100, 500)).isEqualTo(100);
        assertThat(PageSize.of("1", 100, 500)).isEqualTo(1);
        assertThat(PageSize.of(" 500 ", 100, 500)).isEqualTo(500);
    }

    @Test
    void anythingElseIsAProblemNamingTheParameterAndTheRange() {
        for (String wrong : new String[]{"0", "501", "-3", "abc", "", "1.5", "99999999999"}) {
            assertThatThrownBy(() -> PageSize.of(wrong, 100, 500)).as(wrong).isInstanceOfSatisfying(GatewayProblem.class,
                    problem -> {
                        assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION);
                        assertThat(problem.fieldErrors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("limit");
                            assertThat(error.message()).isEqualTo("must be a whole number between 1 and 500");
                        });
                    });
        }
    }
}
