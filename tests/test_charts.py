from learning.charts import column_chart, row_chart

DAYS = [(f"{day} Nov", day % 3) for day in range(1, 31)]


def test_a_history_labels_its_last_day():
    chart = column_chart(chart_id="c", title="t", summary="s", points=DAYS, label_last=True)
    labels = [tick.text for tick in chart.x_labels]
    assert labels[-1] == "30 Nov"
    assert labels == ["2 Nov", "9 Nov", "16 Nov", "23 Nov", "30 Nov"]


def test_a_forecast_labels_its_first_day():
    chart = column_chart(chart_id="c", title="t", summary="s", points=DAYS)
    assert chart.x_labels[0].text == "1 Nov"


def test_row_labels_get_room_for_the_longest_name():
    points = [("New", 3), ("Relearning", 1), ("Suspended", 0)]
    chart = row_chart(chart_id="c", title="t", summary="s", points=points)
    # About ten units a character at the phone font size, right-aligned at left - 8.
    assert chart.left - 8 >= 10 * len("Relearning")
    assert all(bar.x == chart.left for bar in chart.bars)
    assert max(bar.x + bar.width for bar in chart.bars) <= chart.width
