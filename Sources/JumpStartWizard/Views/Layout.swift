import TerminalUI

/// Where each part of the screen goes at a given size. Below 80 columns the step list is one
/// row at the top; from 120 it is a column on the left.
struct Layout {
    let size: Size

    var wide: Bool { size.width >= 120 }
    var bounds: Rect { Rect(size: size) }
    var header: Rect { bounds.row(0) }
    var footer: Rect { bounds.row(size.height - 1) }
    var flash: Rect { bounds.row(size.height - 2) }
    /// The step list: a row under the header, or a column on the left.
    var steps: Rect {
        wide ? Rect(x: 0, y: 1, width: 25, height: max(0, size.height - 3)) : bounds.row(1)
    }
    var main: Rect {
        wide ? Rect(x: 27, y: 1, width: max(0, size.width - 27), height: max(0, size.height - 3))
            : Rect(x: 0, y: 2, width: size.width, height: max(0, size.height - 4))
    }

    // Model step: the list (with its filter line and column titles), and the detail pane —
    // beside the list only where the ids still fit (about 150 columns), else under it.
    var modelDetailBeside: Bool { main.width >= 120 }
    var modelDetailHeight: Int { modelDetailBeside ? 0 : (wide ? 9 : 6) }
    var modelList: Rect {
        modelDetailBeside ? Rect(x: main.x, y: main.y, width: main.width - 44, height: main.height)
            : Rect(x: main.x, y: main.y, width: main.width, height: max(0, main.height - modelDetailHeight))
    }
    var modelDetail: Rect {
        modelDetailBeside ? Rect(x: modelList.maxX + 1, y: main.y, width: max(0, main.width - modelList.width - 1), height: main.height)
            : Rect(x: main.x, y: modelList.maxY, width: main.width, height: modelDetailHeight)
    }
    /// Rows of models visible: the box's borders, the filter line and the titles take 4.
    var modelListRows: Int { max(1, modelList.height - 4) }

    // Instance step: the table in a box, the selected row's details under it.
    var instanceTable: Rect { Rect(x: main.x, y: main.y, width: main.width, height: max(0, main.height - 5)) }
    var instanceDetail: Rect { Rect(x: main.x, y: instanceTable.maxY, width: main.width, height: 5) }
    var instanceRows: Int { max(1, instanceTable.height - 3) }
}
